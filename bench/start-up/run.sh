#!/usr/bin/env bash
# Start to ready (readiness probe answering 200) and resident memory, idle and after load, of the packaged server
# started two ways in one run: `java -jar target/storyvault.jar` (the fat jar, no optimisation) and
# `target/app/storyvault` (extracted, with the ahead-of-time cache made by the build). Embedded mode, RUNS starts each
# on a data folder made by an earlier start (a restart), plus one first start on an empty folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
KEY=bench-admin-key-0123456789
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f target/storyvault.jar ] && [ -f target/app/storyvault.aot ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d /tmp/sv-startup-XXXX)
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT

start() { # way data-dir → sets READY (milliseconds to ready), PID and PORT
  PORT=$(port)
  local begin; begin=$(date +%s%N)
  if [ "$1" = jar ]; then
    STORYVAULT_DATA_DIR="$2" STORYVAULT_ADMIN_API_KEY=$KEY SERVER_PORT=$PORT "$JAVA" -jar target/storyvault.jar > "$WORK/$1.log" 2>&1 &
  else
    STORYVAULT_DATA_DIR="$2" STORYVAULT_ADMIN_API_KEY=$KEY SERVER_PORT=$PORT JAVA=$JAVA target/app/storyvault > "$WORK/$1.log" 2>&1 &
  fi
  PID=$!
  until curl -sf -o /dev/null "localhost:$PORT/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { echo "server died"; tail -20 "$WORK/$1.log"; exit 1; }
    sleep 0.02
  done
  READY=$(( ($(date +%s%N) - begin) / 1000000 ))
}
rss() { awk '/VmRSS/{print int($2/1024)}' "/proc/$PID/status"; }
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

load() { # 10 s of reads: a public 6 KB JSON file by hash and a story with its owner's key
  local hash story
  python3 -c 'import json,os; print(json.dumps({"noise": os.urandom(2900).hex()}))' > "$WORK/blob.json"
  hash=$(curl -sf -H "Authorization: Bearer $KEY" -F "file=@$WORK/blob.json" -F public=true "localhost:$PORT/api/assets" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["content_hash"])')
  story=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"title":"Start-up bench","content":{"pages":[{"page_number":1,"text":"Once."}]}}' "localhost:$PORT/api/stories" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  wrk -t2 -c64 -d5s "http://127.0.0.1:$PORT/api/blobs/$hash" > /dev/null
  wrk -t2 -c64 -d5s -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/stories/$story" > /dev/null
}

printf '\n%-34s %14s %10s %12s %16s\n' "way" "ready (ms)" "first (ms)" "idle RSS MB" "after load MB"
for way in jar app; do
  start $way "$WORK/$way-data"; first=$READY; stop
  readies=(); idles=()
  for run in $(seq 1 "$RUNS"); do
    start $way "$WORK/$way-data"; readies+=("$READY")
    sleep 10; idles+=("$(rss)")
    if [ "$run" = "$RUNS" ]; then load; sleep 2; loaded=$(rss); fi
    stop
  done
  label="java -jar target/storyvault.jar"; [ $way = app ] && label="target/app/storyvault (AOT cache)"
  printf '%-34s %14s %10s %12s %16s\n' "$label" "$(IFS=/; echo "${readies[*]}")" "$first" "$(IFS=/; echo "${idles[*]}")" "$loaded"
done
echo "ready: from launching the process to the readiness probe answering 200, on a data folder an earlier start made;"
echo "first: the same on an empty data folder (the migrations run); idle RSS 10 s after ready; after load: 10 s of wrk."
