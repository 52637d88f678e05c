#!/usr/bin/env bash
# Image variants: 1200x800 JPEG -> 256 px WebP thumbnails with both image processors (libvips through
# FFM, pure Java), beside vipsthumbnail over the same files in the same run. Target: the libvips path
# within 1.3x of vipsthumbnail's per-image time.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILES=${FILES:-40}
ROUNDS=${ROUNDS:-3}
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1); JAVA=${JAVA:-java}
command -v vipsthumbnail >/dev/null || { echo "vipsthumbnail missing: apt-get install libvips-tools"; exit 1; }
WORK=${WORK:-/tmp/sv-image-bench}
mkdir -p "$WORK"
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/classes:$(cat "$WORK/cp.txt")" \
  bench/image-variants/ImageVariantsBench.java "$WORK" "$FILES" "$ROUNDS"
