#!/usr/bin/env bash
# Backups: backup and restore MB/s beside tar of the same data in the same run, and the p99 of story creates
# (8 clients) while a backup runs against the same without one; embedded (SQLite + disk) and scale-out
# (PostgreSQL + S3 through s3proxy). ASSETS random WAV files of SIZE bytes and STORIES stories are loaded first.
set -euo pipefail
cd "$(dirname "$0")/../.."
ASSETS=${ASSETS:-400}
SIZE=${SIZE:-262144}
STORIES=${STORIES:-5000}
MODES=${MODES:-"embedded scale-out"}
KEY=bench-admin-key-0123456789
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
JAR=${JAR:-target/storyvault.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
[ -f target/s3proxy/s3proxy.jar ] || mvn -B -q -DskipTests process-test-resources
WORK=$(mktemp -d /tmp/sv-backup-bench-XXXX)
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; }; done; }
trap cleanup EXIT
seconds() { python3 -c "import time;print(time.time())"; }
rate() { python3 -c "print('%.1f MB/s' % ($1 / 1e6 / max($2, 1e-9)))"; }

start_storyvault() { # port, then env assignments
  local p=$1; shift
  env "$@" STORYVAULT_ADMIN_API_KEY=$KEY SERVER_PORT="$p" "$JAVA" -Xmx2g -jar "$JAR" > "$WORK/sv-$p.log" 2>&1 &
  SV=$!; PIDS+=($SV)
  for _ in $(seq 1 120); do curl -sf "localhost:$p/actuator/health/readiness" >/dev/null && return; sleep 0.5; done
  echo "StoryVault did not start"; tail -30 "$WORK/sv-$p.log"; exit 1
}

S3P=$(port)
mkdir -p "$WORK/s3"
printf 's3proxy.endpoint=http://127.0.0.1:%s\ns3proxy.authorization=aws-v2-or-v4\ns3proxy.identity=bench\ns3proxy.credential=bench-secret\njclouds.provider=filesystem\njclouds.filesystem.basedir=%s\n' \
  "$S3P" "$WORK/s3" > "$WORK/s3proxy.properties"

for mode in $MODES; do
  echo; echo "=================== $mode ==================="
  P=$(port)
  ENV=(STORYVAULT_BACKUPS_FOLDER="$WORK/backups-$mode" STORYVAULT_BACKUPS_SCHEDULED=false)
  if [ "$mode" = scale-out ]; then
    "$JAVA" -jar target/s3proxy/s3proxy.jar --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 60); do curl -s "localhost:$S3P" >/dev/null && break; sleep 0.5; done
    for db in storyvault_bench_backup storyvault_bench_restore; do
      psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres 2>/dev/null
    done
    S3=(STORYVAULT_BLOBS_STORE=s3 STORYVAULT_BLOBS_S3_ENDPOINT="http://127.0.0.1:$S3P" STORYVAULT_BLOBS_S3_ACCESS_KEY=bench
        STORYVAULT_BLOBS_S3_SECRET_KEY=bench-secret STORYVAULT_BLOBS_S3_CREATE_BUCKET=true STORYVAULT_DATABASE_USERNAME=postgres)
    SOURCE=("${ENV[@]}" "${S3[@]}" STORYVAULT_DATA_DIR="$WORK/so-data" STORYVAULT_BLOBS_S3_BUCKET=live
            STORYVAULT_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/storyvault_bench_backup")
    TARGET=("${ENV[@]}" "${S3[@]}" STORYVAULT_DATA_DIR="$WORK/so-restored" STORYVAULT_BLOBS_S3_BUCKET=restored
            STORYVAULT_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/storyvault_bench_restore")
    TAR_SOURCE="$WORK/s3/live"   # the live blobs as s3proxy keeps them on disk
  else
    SOURCE=("${ENV[@]}" STORYVAULT_DATA_DIR="$WORK/data")
    TARGET=("${ENV[@]}" STORYVAULT_DATA_DIR="$WORK/restored")
    TAR_SOURCE="$WORK/data"
  fi
  start_storyvault "$P" "${SOURCE[@]}"
  OUT=$("$JAVA" ${BENCH_OPTS:-} bench/backup/BackupBench.java "http://127.0.0.1:$P" "$KEY" "$ASSETS" "$SIZE" "$STORIES")
  echo "$OUT" | grep -v '^backup '
  read -r _ ID BYTES SECS <<< "$(echo "$OUT" | grep '^backup ')"
  kill "$SV"; wait "$SV" 2>/dev/null || true
  TAR_BYTES=$(du -sb "$TAR_SOURCE" | cut -f1)
  sync; T0=$(seconds); tar -cf "$WORK/$mode.tar" -C "$(dirname "$TAR_SOURCE")" "$(basename "$TAR_SOURCE")"; sync; T1=$(seconds)
  TAR_SECS=$(python3 -c "print($T1 - $T0)")
  echo "backup $ID: $BYTES bytes in ${SECS} s = $(rate "$BYTES" "$SECS"), while 8 clients kept creating stories"
  echo "tar of the same data ($TAR_SOURCE, $TAR_BYTES bytes): ${TAR_SECS} s = $(rate "$TAR_BYTES" "$TAR_SECS")"
  echo "backup / tar throughput: $(python3 -c "print('%.2f' % (($BYTES/$SECS)/($TAR_BYTES/max($TAR_SECS,1e-9))))")"
  T0=$(seconds)
  env "${TARGET[@]}" STORYVAULT_ADMIN_API_KEY=$KEY "$JAVA" -jar "$JAR" backup restore "$ID" --json > "$WORK/restore-$mode.json" 2> "$WORK/restore-$mode.log"
  T1=$(seconds)
  RESTORE_SECS=$(python3 -c "print($T1 - $T0)")
  grep -q '"ok":true' "$WORK/restore-$mode.json" || { echo "restore failed:"; cat "$WORK/restore-$mode.json"; exit 1; }
  mkdir -p "$WORK/untar-$mode"; sync
  T0=$(seconds); tar -xf "$WORK/$mode.tar" -C "$WORK/untar-$mode"; sync; T1=$(seconds)
  UNTAR_SECS=$(python3 -c "print($T1 - $T0)")
  INNER=$(grep '^{' "$WORK/restore-$mode.json" | tail -1 | python3 -c "import json,sys;print(json.load(sys.stdin)['seconds'])")
  echo "restore (command line, JVM start and final check included): ${RESTORE_SECS} s = $(rate "$BYTES" "$RESTORE_SECS")"
  echo "restore itself (blobs, database, final check; as the command reports it): ${INNER} s = $(rate "$BYTES" "$INNER")"
  echo "tar -x of the same data: ${UNTAR_SECS} s = $(rate "$TAR_BYTES" "$UNTAR_SECS")"
done
