#!/usr/bin/env bash
# Collections: the battle engine's catalog queries (animations by category and skeleton requirement, effects by
# type and linked ability, sorted by name, pages of 20) over COUNT animations and COUNT effects, at 64 connections
# beside the same SQL run directly on the same database, and at 1,000 connections for 30 s; embedded and scale-out.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
MODES=${MODES:-"embedded scale-out"}
KEY=bench-admin-key-0123456789
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
JAR=${JAR:-target/storyvault.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
[ -f target/s3proxy/s3proxy.jar ] || mvn -B -q -DskipTests process-test-resources
SQLITE_JAR=$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | grep -v sources | tail -1)
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
WORK=$(mktemp -d /tmp/sv-collections-bench-XXXX)
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; }; done; }
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true  # why: 1,000 client sockets and 1,000 server sockets in one machine

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
    start_storyvault "$P" STORYVAULT_DATA_DIR="$WORK/data"
    DIRECT="jdbc:sqlite:$WORK/data/storyvault.db?open_mode=1"
    DIALECT=sqlite
  else
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS storyvault_bench" -c "CREATE DATABASE storyvault_bench" postgres 2>/dev/null
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
    DIRECT="jdbc:postgresql://127.0.0.1:5432/storyvault_bench"
    DIALECT=postgresql
  fi
  "$JAVA" -cp "$SQLITE_JAR:$PG_JAR" ${BENCH_OPTS:-} bench/collections/CollectionsBench.java "http://127.0.0.1:$P" "$KEY" "$DIRECT" "$DIALECT" "$COUNT"
  if [ "$mode" = scale-out ]; then
    # why settle: after loading 200,000 documents, autovacuum and the checkpointer work through them for
    # minutes, on the same 2 cores as the timed runs below
    psql -h 127.0.0.1 -U postgres -q -c "VACUUM ANALYZE" -c "CHECKPOINT" storyvault_bench
  fi
  # why wrk as well: the Java client above shares the 2 cores with the server and costs more per request
  if command -v wrk >/dev/null; then
    for run in $(seq 1 "${WRK_RUNS:-3}"); do
      echo -n "wrk run $run, 64 connections, 15 s (same queries): "
      KEY=$KEY wrk -t2 -c64 -d15s --latency -s bench/collections/queries.lua "http://127.0.0.1:$P" \
        | awk '/^ +50%/{p50=$2} /^ +99%/{p99=$2} /Requests\/sec/{rps=$2} /Non-2xx/{bad=$4} END{printf "p50 %s  p99 %s  %s queries/s  non-2xx %s\n", p50, p99, rps, bad+0}' \
        | tee "$WORK/wrk-64"
    done
    # why wrk for 1,000 as well: 1,000 Java client threads take CPU from the server on the same 2 cores
    echo -n "wrk, ${WRK_MANY:-1000} connections, 30 s: "
    KEY=$KEY wrk -t2 -c"${WRK_MANY:-1000}" -d30s --latency -s bench/collections/queries.lua "http://127.0.0.1:$P" \
      | awk -v last="$(awk '{print $5}' "$WORK/wrk-64")" '/^ +99%/{p99=$2} /Requests\/sec/{rps=$2} /Non-2xx/{bad=$4} /Socket errors/{errors=$0}
          END{printf "p99 %s  %s queries/s (%.2f of the last 64-connection run)  non-2xx %s  %s\n", p99, rps, rps/last, bad+0, errors}'
  fi
  kill "${PIDS[-1]}" 2>/dev/null || true
done
exit 0
