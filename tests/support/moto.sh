#!/usr/bin/env bash
# Starts or stops the local AWS emulator used by the integration tests (moto_server, 127.0.0.1 only).
#   moto.sh start <state dir> <port>   starts it, waits until it answers, records its PID in <state dir>/moto.pid
#   moto.sh stop  <state dir>          kills that PID (and only that PID)
# The launcher is our own moto_launcher.py: stock moto plus the fixes `cdk deploy` needs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?usage: moto.sh start|stop <state dir> [port]}
state=${2:?usage: moto.sh start|stop <state dir> [port]}
mkdir -p "$state"
case "$cmd" in
  start)
    port=${3:?usage: moto.sh start <state dir> <port>}
    if [ -f "$state/moto.pid" ] && kill -0 "$(cat "$state/moto.pid")" 2>/dev/null; then
      kill "$(cat "$state/moto.pid")" 2>/dev/null || true
      sleep 0.5
    fi
    if ! python3 -c 'import moto' 2>/dev/null; then
      echo "moto.sh: python3 cannot import moto (moto 5.2.1 with boto3 is expected on this machine's python)" >&2
      exit 1
    fi
    python3 "$here/moto_launcher.py" -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
    echo $! >"$state/moto.pid"
    for _ in $(seq 1 200); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/moto-api/"; then
        # Lambda invocations must not need Docker (none runs here): moto's simple backend echoes the payload.
        curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/moto-api/config" \
          -H 'Content-Type: application/json' -d '{"lambda":{"use_docker":false}}' || true
        echo "$port" >"$state/moto.port"
        exit 0
      fi
      kill -0 "$(cat "$state/moto.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "moto.sh: moto_server did not start on 127.0.0.1:$port; its log:" >&2
    cat "$state/moto.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$state/moto.pid" ]; then
      pid=$(cat "$state/moto.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$state/moto.pid"
    fi
    ;;
  *) echo "moto.sh: unknown command $cmd" >&2; exit 2 ;;
esac
