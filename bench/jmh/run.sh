#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them; arguments go to JMH (e.g. a name filter, or -f 1 -wi 1).
# Results: bench/jmh/results/<UTC stamp>.txt (console) and .json. See docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/bench/jmh"
"$root/mvnw" -q -B -f "$root/pom.xml" package -pl bench/jmh -am -DskipTests \
  -Dspotless.check.skip=true -Dcheckstyle.skip=true
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$module/results"
classpath="$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")"
java -Dorg.bytedeco.javacpp.cachedir="$module/target/javacpp-cache" -cp "$classpath" \
  org.openjdk.jmh.Main -rf json -rff "$module/results/$stamp.json" "$@" \
  | tee "$module/results/$stamp.txt"
