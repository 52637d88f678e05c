#!/usr/bin/env bash
# Start-up: time from `java` to a ready server (GET /actuator/health/readiness answers 200) and the process's resident
# memory then, embedded mode on a data folder that already exists (a restart), ROUNDS times each, for:
#   the packaged jar as built; the jar extracted (Spring Boot's `jarmode tools extract`); the extracted jar with a
#   JDK 25 AOT cache (JEP 483/514: classes loaded and linked ahead, from a training run that stops after the context
#   refreshes); and the same with -Xmx256m -XX:+UseSerialGC for memory.
# Reference in the same run: the JVM alone (`java -version`).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
JAR=${JAR:-target/storyvault.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d /tmp/sv-start-up-bench-XXXX)
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# one start: prints "seconds rss_mb"
start_once() {
  local p; p=$(port)
  local t0; t0=$(now)
  STORYVAULT_DATA_DIR="$WORK/data" STORYVAULT_ADMIN_API_KEY=bench-admin-key-0123456789 SERVER_PORT="$p" \
    "$JAVA" "$@" > "$WORK/last.log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$p/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited:"; tail -20 "$WORK/last.log"; exit 1; }
    sleep 0.02
  done
  local t1; t1=$(now)
  local rss; rss=$(ps -o rss= -p "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 -c "print('%.2f %d' % ($t1 - $t0, $rss / 1024))"
}

measure() { # label, java arguments…
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq 1 "$ROUNDS"); do
    read -r t m <<< "$(start_once "$@")"; times+=("$t"); rss+=("$m")
  done
  python3 - "$label" "${times[*]}" "${rss[*]}" <<'PY'
import sys, statistics
label, times, rss = sys.argv[1], [float(x) for x in sys.argv[2].split()], [int(x) for x in sys.argv[3].split()]
print(f"{label:<58} start median {statistics.median(times):5.2f} s (min {min(times):.2f}, max {max(times):.2f})   RSS median {statistics.median(rss):4d} MB")
PY
}

start_once -jar "$JAR" > /dev/null    # first start: creates the data folder and runs the migrations
T0=$(now); for _ in $(seq 1 "$ROUNDS"); do "$JAVA" -version > /dev/null 2>&1; done; T1=$(now)
python3 -c "print('%-58s %.2f s' % ('JVM alone (java -version), reference', ($T1 - $T0) / $ROUNDS))"

measure "packaged jar" -jar "$JAR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP=$(ls "$WORK"/app/*.jar | head -1)
measure "extracted jar" -jar "$APP"
# training run: the context starts and refreshes, then the JVM writes the AOT cache and exits
STORYVAULT_DATA_DIR="$WORK/data" STORYVAULT_ADMIN_API_KEY=bench-admin-key-0123456789 SERVER_PORT=0 \
  "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$APP" > "$WORK/training.log" 2>&1 || true
[ -f "$WORK/app.aot" ] || { echo "no AOT cache was written:"; tail -20 "$WORK/training.log"; exit 1; }
echo "AOT cache: $(du -h "$WORK/app.aot" | cut -f1)"
measure "extracted jar + AOT cache" -XX:AOTCache="$WORK/app.aot" -jar "$APP"
measure "extracted jar + AOT cache, -Xmx256m -XX:+UseSerialGC" -XX:AOTCache="$WORK/app.aot" -Xmx256m -XX:+UseSerialGC -jar "$APP"
echo "targets (#13): ready in < 3 s, < 300 MB resident; this machine: $(nproc) cores"
