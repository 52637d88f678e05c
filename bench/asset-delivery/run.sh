#!/usr/bin/env bash
# StoryVault vs nginx serving the same files: small file, 1 MiB file, 304 revalidation, 64 KiB range.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ADMIN_KEY=bench-admin-key-0123456789

need() { command -v "$1" >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx-light
[ -f target/storyvault.jar ] || mvn -B -q -DskipTests package
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
JAVA=${JAVA:-java}

WORK=$(mktemp -d /tmp/sv-bench-XXXX)
SV_PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
NGINX_PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cleanup() { [ -n "${SV_PID:-}" ] && { kill "$SV_PID" 2>/dev/null || true; }; [ -f "$WORK/nginx.pid" ] && { kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }; true; }
trap cleanup EXIT

echo "== starting StoryVault (embedded) on :$SV_PORT"
STORYVAULT_DATA_DIR="$WORK/data" STORYVAULT_ADMIN_API_KEY=$ADMIN_KEY SERVER_PORT=$SV_PORT \
  "$JAVA" -jar target/storyvault.jar > "$WORK/storyvault.log" 2>&1 &
SV_PID=$!
for _ in $(seq 1 120); do curl -sf "localhost:$SV_PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

echo "== making and uploading the files"
python3 - "$WORK" <<'PY'
import os, struct, sys, zlib, random
work = sys.argv[1]
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(w, h, noise):
    rng = random.Random(42)
    rows = b''.join(b'\x00' + bytes(rng.randrange(noise) for _ in range(w * 3)) for _ in range(h))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + \
        chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
small = png(46, 46, 256)  # about 6 KB
big = png(64, 64, 256)
big += os.urandom(1024 * 1024 - len(big))
open(f'{work}/small.png', 'wb').write(small)
open(f'{work}/big.png', 'wb').write(big)
print(f'small.png {len(small)} bytes, big.png {len(big)} bytes')
PY
upload() {
  curl -sf -H "Authorization: Bearer $ADMIN_KEY" -F "file=@$1" -F public=true "localhost:$SV_PORT/api/assets" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["content_hash"])'
}
SMALL=$(upload "$WORK/small.png")
BIG=$(upload "$WORK/big.png")

echo "== starting nginx on :$NGINX_PORT over the same bytes"
mkdir -p "$WORK/www/api/blobs" "$WORK/nginx-tmp"
cp "$WORK/small.png" "$WORK/www/api/blobs/$SMALL"
cp "$WORK/big.png" "$WORK/www/api/blobs/$BIG"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path $WORK/nginx-tmp; proxy_temp_path $WORK/nginx-tmp; fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp; scgi_temp_path $WORK/nginx-tmp;
  default_type image/png;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    add_header Cache-Control "public, max-age=31536000, immutable";
  }
}
NGINX
chmod 755 "$WORK"; chmod -R a+rX "$WORK/www"   # why: nginx workers run as www-data
nginx -c "$WORK/nginx.conf"
sleep 0.5
NGINX_ETAG=$(curl -sI "localhost:$NGINX_PORT/api/blobs/$SMALL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

echo "== warming up the JVM"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$SV_PORT/api/blobs/$SMALL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$SV_PORT/api/blobs/$BIG" >/dev/null

run() { # name server url [header]
  local out
  if [ -n "${4:-}" ]; then out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$4" "$3"); else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$3"); fi
  echo "$out" > "$WORK/$1-$2.wrk"
}
for server in storyvault nginx; do
  port=$SV_PORT; etag="\"$SMALL\""
  [ $server = nginx ] && port=$NGINX_PORT && etag=$NGINX_ETAG
  base="http://127.0.0.1:$port/api/blobs"
  echo "== $server"
  run small $server "$base/$SMALL"
  run large $server "$base/$BIG"
  run not-modified $server "$base/$SMALL" "If-None-Match: $etag"
  run range $server "$base/$BIG" "Range: bytes=0-65535"
done

python3 - "$WORK" <<'PY'
import re, sys
work = sys.argv[1]
def seconds(v):
    m = re.match(r'([\d.]+)(us|ms|s|m)', v); n = float(m.group(1))
    return n * {'us': 1e-3, 'ms': 1, 's': 1e3, 'm': 6e4}[m.group(2)]
def mib(v):
    m = re.match(r'([\d.]+)([KMG]?B)', v); n = float(m.group(1))
    return n * {'B': 1 / 2**20, 'KB': 1 / 1024, 'MB': 1, 'GB': 1024}[m.group(2)]
def parse(name):
    text = open(f'{work}/{name}.wrk').read()
    return {'rps': float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1)),
            'p50': seconds(re.search(r'^\s+50%\s+(\S+)', text, re.M).group(1)),
            'p99': seconds(re.search(r'^\s+99%\s+(\S+)', text, re.M).group(1)),
            'mibs': mib(re.search(r'Transfer/sec:\s+(\S+)', text).group(1)),
            'errors': re.search(r'Non-2xx or 3xx responses: (\d+)', text)}
print(f"\n{'case':<14}{'server':<12}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'MiB/s':>9}")
for case, target in [('small', 'rps'), ('large', 'mibs'), ('not-modified', 'rps'), ('range', 'rps')]:
    sv, ng = parse(f'{case}-storyvault'), parse(f'{case}-nginx')
    for label, r in [('storyvault', sv), ('nginx', ng)]:
        flag = '  (non-2xx!)' if r['errors'] else ''
        print(f"{case:<14}{label:<12}{r['rps']:>10.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['mibs']:>9.1f}{flag}")
    print(f"{case:<14}{'ratio':<12}{sv['rps']/ng['rps']:>10.2f}{'':>18}{sv['mibs']/ng['mibs']:>9.2f}   (StoryVault/nginx, target on {'bandwidth' if target == 'mibs' else 'req/s'})")
PY
