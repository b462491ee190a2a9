#!/usr/bin/env python3
"""Runs moto_server for the integration tests. (CDK deploy fixes are added in a later step.)"""
import sys

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
