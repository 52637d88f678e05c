#!/usr/bin/env bash
# The AI router's own cost per call beside the same provider called directly (in-process no-op, and an
# OpenAI-compatible stub over loopback HTTP) at 64 concurrent callers; and the offline providers' throughput.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
[ -d target/classes/dev/storyvault/ai ] || mvn -B -q -DskipTests compile
CP_FILE=target/ai-router-bench.classpath
[ -f "$CP_FILE" ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
"$JAVA" -cp "target/classes:$(cat "$CP_FILE")" bench/ai-router/AiRouterBench.java "$@"
