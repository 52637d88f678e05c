#!/usr/bin/env bash
# Reads by callers who sign in, beside the public content-addressed path, in one run on one embedded server:
# the 6 KB PNG by its hash (public), its asset content URL with the admin key, the owner's service key and the
# owner's login token, the asset document, a story and a page of stories with the service key.
# Rate limits are off (RATE_LIMITS=true keeps them on): at these rates the default limits would answer 429.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ADMIN_KEY=bench-admin-key-0123456789
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
JAR=${JAR:-target/storyvault.jar}
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d /tmp/sv-authreads-XXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cleanup() { [ -n "${SV_PID:-}" ] && { kill "$SV_PID" 2>/dev/null || true; }; true; }
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"

echo "== starting StoryVault (embedded) on :$PORT"
STORYVAULT_DATA_DIR="$WORK/data" STORYVAULT_ADMIN_API_KEY=$ADMIN_KEY SERVER_PORT=$PORT \
  STORYVAULT_RATE_LIMITS_ENABLED=${RATE_LIMITS:-false} "$JAVA" ${SV_JAVA_OPTS:-} -jar "$JAR" > "$WORK/storyvault.log" 2>&1 &
SV_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

echo "== a person with a service key and a login token, a private 6 KB PNG, a public one, 20 stories"
python3 - "$WORK" "$BASE" "$ADMIN_KEY" <<'PY'
import json, random, struct, sys, urllib.request, uuid, zlib
work, base, admin = sys.argv[1:4]
def call(method, path, key=None, body=None, ctype='application/json'):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if key: req.add_header('Authorization', 'Bearer ' + key)
    if data is not None: req.add_header('Content-Type', ctype)
    with urllib.request.urlopen(req) as r: return json.load(r)
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(seed):
    rng = random.Random(seed)
    rows = b''.join(b'\x00' + bytes(rng.randrange(256) for _ in range(46 * 3)) for _ in range(46))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 46, 46, 8, 2, 0, 0, 0)) + \
        chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
def upload(key, content, public):
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="public"\r\n\r\n{public}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n'
            f'Content-Type: image/png\r\n\r\n').encode() + content + f'\r\n--{boundary}--\r\n'.encode()
    return call('POST', '/api/assets', key, body, 'multipart/form-data; boundary=' + boundary)
person = call('POST', '/api/users', admin, {'username': 'reader', 'password': 'a long bench password'})
key = call('POST', '/api/keys', admin, {'name': 'bench', 'user_id': person['id'], 'scopes': ['read', 'write']})['key']
token = call('POST', '/api/auth/login', None, {'username': 'reader', 'password': 'a long bench password'})
token = token.get('access_token') or token.get('token')
public = upload(admin, png(42), 'true')['content_hash']
private = upload(key, png(43), 'false')['id']
stories = [call('POST', '/api/stories', key, {'title': f'Bench story {i}', 'content': {'pages': [
    {'page_number': p, 'text': f'Page {p} of bench story {i}, about a lighthouse keeper.'} for p in range(1, 11)]}})['id']
    for i in range(20)]
open(f'{work}/ids', 'w').write(f'PUBLIC={public}\nPRIVATE={private}\nKEY={key}\nTOKEN={token}\nSTORY={stories[-1]}\n')
PY
. "$WORK/ids"

run() { # name url [key]
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
  wrk "${args[@]}" "$2" > "$WORK/$1.wrk"
}
echo "== warming up the JVM"
for _ in 1 2; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE/api/blobs/$PUBLIC" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$BASE/api/assets/$PRIVATE/content" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$BASE/api/stories/$STORY" >/dev/null
done
echo "== measuring, $CONNECTIONS connections, $DURATION each"
run public "$BASE/api/blobs/$PUBLIC"
run content-admin "$BASE/api/assets/$PRIVATE/content" "$ADMIN_KEY"
run content-key "$BASE/api/assets/$PRIVATE/content" "$KEY"
run content-token "$BASE/api/assets/$PRIVATE/content" "$TOKEN"
run asset-key "$BASE/api/assets/$PRIVATE" "$KEY"
run story-key "$BASE/api/stories/$STORY" "$KEY"
run stories-key "$BASE/api/stories?limit=20" "$KEY"
RSS=$(awk '/VmRSS/{print int($2/1024)}' /proc/$SV_PID/status)

python3 - "$WORK" "$RSS" <<'PY'
import re, sys
work, rss = sys.argv[1], sys.argv[2]
def ms(v):
    m = re.match(r'([\d.]+)(us|ms|s|m)', v); n = float(m.group(1))
    return n * {'us': 1e-3, 'ms': 1, 's': 1e3, 'm': 6e4}[m.group(2)]
def parse(name):
    text = open(f'{work}/{name}.wrk').read()
    bad = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    return (float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1)),
            ms(re.search(r'^\s+50%\s+(\S+)', text, re.M).group(1)),
            ms(re.search(r'^\s+99%\s+(\S+)', text, re.M).group(1)), int(bad.group(1)) if bad else 0)
rows = [('public', 'GET /api/blobs/{sha256}, anonymous'),
        ('content-admin', 'GET /api/assets/{id}/content, admin key'),
        ('content-key', 'GET /api/assets/{id}/content, service key'),
        ('content-token', "GET /api/assets/{id}/content, person's token"),
        ('asset-key', 'GET /api/assets/{id}, service key'),
        ('story-key', 'GET /api/stories/{id} (10 pages), service key'),
        ('stories-key', 'GET /api/stories?limit=20, service key')]
reference = parse('public')[0]
print(f"\n{'request':<48}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'ratio':>7}{'non-2xx':>9}")
for name, label in rows:
    rps, p50, p99, bad = parse(name)
    print(f"{label:<48}{rps:>9.0f}{p50:>8.2f}{p99:>8.2f}{rps / reference:>7.2f}{bad:>9}")
print(f"\nratio: requests/s against the public content-addressed path in the same run; resident memory after: {rss} MB")
PY
