#!/usr/bin/env bash
# Story store: timed creates, gets and word+tag searches over a large catalogue, in both modes,
# beside the raw database's single-row insert rate measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
TIMED=${TIMED:-10000}
TOTAL=${TOTAL:-100000}
MODES=${MODES:-"embedded scale-out"}
KEY=bench-admin-key-0123456789
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
JAR=${JAR:-target/storyvault.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
[ -f target/s3proxy/s3proxy.jar ] || mvn -B -q -DskipTests process-test-resources
SQLITE_JAR=$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | grep -v sources | tail -1)
WORK=$(mktemp -d /tmp/sv-story-bench-XXXX)
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; }; done; }  # why || true: under set -e a pid already gone ended the loop early
trap cleanup EXIT

start_storyvault() { # port, then env assignments
  local p=$1; shift
  env "$@" STORYVAULT_ADMIN_API_KEY=$KEY SERVER_PORT="$p" "$JAVA" -Xmx2g ${SV_JAVA_OPTS:-} -jar "$JAR" > "$WORK/sv-$p.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "localhost:$p/actuator/health/readiness" >/dev/null && return; sleep 0.5; done
  echo "StoryVault did not start"; tail -30 "$WORK/sv-$p.log"; exit 1
}

for mode in $MODES; do
  echo; echo "=================== $mode ==================="
  P=$(port)
  if [ "$mode" = embedded ]; then
    "$JAVA" -cp "$SQLITE_JAR" bench/story-store/SqliteInsertLoop.java 5000
    start_storyvault "$P" STORYVAULT_DATA_DIR="$WORK/data"
  else
    for db in storyvault_bench storyvault_bench_raw; do
      psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres 2>/dev/null
    done
    pgbench -h 127.0.0.1 -U postgres -i -q storyvault_bench_raw >/dev/null 2>&1
    echo "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, 1, 1, now());" > "$WORK/insert.sql"
    echo -n "raw PostgreSQL single-row inserts (pgbench, 8 clients): "
    pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 10 -f "$WORK/insert.sql" storyvault_bench_raw 2>/dev/null \
      | awk '/tps =/{printf "%.0f rows/s\n", $3} /latency average/{lat=$4} END{if (lat) printf "    (average latency %s ms)\n", lat}'
    S3P=$(port)
    mkdir -p "$WORK/s3"
    printf 's3proxy.endpoint=http://127.0.0.1:%s\ns3proxy.authorization=aws-v2-or-v4\ns3proxy.identity=bench\ns3proxy.credential=bench-secret\njclouds.provider=filesystem\njclouds.filesystem.basedir=%s\n' \
      "$S3P" "$WORK/s3" > "$WORK/s3proxy.properties"
    "$JAVA" -jar target/s3proxy/s3proxy.jar --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 60); do curl -s "localhost:$S3P" >/dev/null && break; sleep 0.5; done
    start_storyvault "$P" STORYVAULT_DATA_DIR="$WORK/scale-data" \
      STORYVAULT_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/storyvault_bench" STORYVAULT_DATABASE_USERNAME=postgres \
      STORYVAULT_DATABASE_POOL_SIZE=16 \
      STORYVAULT_BLOBS_STORE=s3 STORYVAULT_BLOBS_S3_ENDPOINT="http://127.0.0.1:$S3P" STORYVAULT_BLOBS_S3_BUCKET=bench \
      STORYVAULT_BLOBS_S3_ACCESS_KEY=bench STORYVAULT_BLOBS_S3_SECRET_KEY=bench-secret STORYVAULT_BLOBS_S3_CREATE_BUCKET=true
  fi
  "$JAVA" -Dsettle="${SETTLE:-75}" -Dstalls="${STALLS:-false}" bench/story-store/StoryStoreBench.java "http://127.0.0.1:$P" "$KEY" "$TIMED" "$TOTAL"
  echo "targets: search p99 < 20 ms at $TOTAL stories (relevance < 100 ms); open-loop creates and searches p99 < 10 ms; 10-page creates >= 0.7 of title-only"
  kill "${PIDS[-1]}" 2>/dev/null || true
done
exit 0
