#!/usr/bin/env python3
"""A one-invocation stand-in for the AWS Lambda Runtime API, to start a deployed function's bootstrap the way
Lambda does (AWS_LAMBDA_RUNTIME_API=host:port) and see what it answers.

  fake_lambda_runtime.py <port file> <event json file> <result file>

Listens on 127.0.0.1 (ephemeral port, written to <port file>), hands out the event once, and writes the
function's answer to <result file> as {"kind": "response"|"error"|"init_error", "body": ...}, then exits.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

port_file, event_file, result_file = sys.argv[1:4]
event = open(event_file, "rb").read()
done = threading.Event()
served = {"n": 0}


class Runtime(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _finish(self, kind):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        with open(result_file, "w") as f:
            json.dump({"kind": kind, "body": body.decode("utf-8", "replace"),
                       "error_type": self.headers.get("Lambda-Runtime-Function-Error-Type")}, f)
        self.send_response(202)
        self.end_headers()
        done.set()

    def do_GET(self):
        if self.path != "/2018-06-01/runtime/invocation/next" or served["n"] > 0:
            # A second "next" means the function is waiting for more work: block until we are shut down.
            done.wait(30)
            self.send_response(500)
            self.end_headers()
            return
        served["n"] += 1
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", "test-request-1")
        self.send_header("Lambda-Runtime-Deadline-Ms", "9999999999999")
        self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:test")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(event)))
        self.end_headers()
        self.wfile.write(event)

    def do_POST(self):
        if self.path.endswith("/response"):
            self._finish("response")
        elif self.path.endswith("/error"):
            self._finish("init_error" if "/init/" in self.path else "error")
        else:
            self.send_response(404)
            self.end_headers()


server = HTTPServer(("127.0.0.1", 0), Runtime)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
threading.Thread(target=server.serve_forever, daemon=True).start()
if not done.wait(120):
    sys.exit("fake runtime: the function gave no answer within 120 s")
server.shutdown()
