#!/usr/bin/env bash
# Native memory across calls, one piece of a call at a time (issue 6): runs
# bench/desktop/NativeGrowth.java for each mode with a PulseAudio null sink as the sound card and
# prints resident memory after cycle 10, 20, 40, ... N. Not part of ./mvnw verify; see
# docs/benchmarks.md ("Desktop", session 9).
#
#   ./mvnw -o -q -pl app -am package -DskipTests -DskipITs   # once: app/target/dist
#   bench/native-growth.sh                        # every mode, 100 cycles each (~4 minutes)
#   GROWTH_MODES="calllines" GROWTH_CYCLES=200 bench/native-growth.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/app/target/dist"
modes="${GROWTH_MODES:-mixers rawlines calllines codecs}"
cycles="${GROWTH_CYCLES:-100}"

die() { echo "native-growth.sh: $*" >&2; exit 1; }
[[ -f "$dist/parley.jar" ]] || die "$dist/parley.jar is missing; build it first (see the top of this script)"
for tool in java pulseaudio pactl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y pulseaudio)"
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/bench/results/native-growth-$stamp"
mkdir -p "$out"
work="$(mktemp -d /tmp/parley-growth.XXXXXX)"
cleanup() {
  [[ -n "${PULSE_RUNTIME_PATH:-}" ]] && HOME="$work/pulse-home" pulseaudio --kill 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One null sink as speaker and microphone (LAB.md: sound without a sound card).
export PULSE_RUNTIME_PATH="$work/pulse"
mkdir -p "$PULSE_RUNTIME_PATH" "$work/pulse-home"
HOME="$work/pulse-home" pulseaudio --start --exit-idle-time=-1 --daemonize=yes >/dev/null 2>&1 ||
  die "pulseaudio did not start"
export PULSE_SERVER="unix:$PULSE_RUNTIME_PATH/native"
pactl load-module module-null-sink sink_name=growth_sink >/dev/null
pactl set-default-sink growth_sink
pactl set-default-source growth_sink.monitor

# The desktop app's own JVM and malloc settings (./parley), so the figures are the app's.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
jvm=(java -XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1
  -Dorg.bytedeco.javacpp.cachedir="$work/javacpp" -cp "$dist/parley.jar:$dist/lib/*")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/summary.txt"
for mode in $modes; do
  "${jvm[@]}" "$root/bench/desktop/NativeGrowth.java" "$mode" "$cycles" 2>&1 |
    grep -E '^(mode|cycle)' | tee -a "$out/summary.txt"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
echo "results in $out" >&2
