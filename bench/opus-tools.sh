#!/usr/bin/env bash
# Opus CPU per 20 ms frame: Parley's call path beside opus-tools (opusenc/opusdec) on one file.
#
# Needs: apt-get install -y opus-tools (opusenc/opusdec 0.2, Debian's libopus 1.3.1), python3.
# Usage: bench/opus-tools.sh [REPEATS]   (default 3; MAVEN_ARGS=-o builds offline)
# Results: bench/jmh/results/opus-tools-<UTC stamp>/ (not committed); summary.txt is the table.
#
# What each repeat runs (IN = 60 s speech-like 48 kHz mono WAV, SHORT = its first second):
#   opusenc --quiet --bitrate 32 --vbr --comp 5 --framesize 20 --expect-loss 10 \
#     --set-ctl-int 4012=1 --set-ctl-int 4000=2048 IN.wav opusenc.opus     (and SHORT.wav)
#   opusdec --quiet --no-dither opusenc.opus opusdec.wav                     (and the SHORT one)
#   java ... org.parley.bench.OpusToolsComparison measure IN.wav opusenc.opus opusdec.wav parley.tsv 2
#     (which also writes Parley's packets as parley.opus and parley-short.opus, its first second)
#   opusdec --quiet --no-dither parley.opus parley-opusdec.wav                (and parley-short)
# The ctl 4012=1 is OPUS_SET_INBAND_FEC (opusenc's --expect-loss alone sets only the loss
# percentage) and 4000=2048 is OPUS_SET_APPLICATION(VOIP), both as FfmpegCodecs.CALL_OPUS sets.
#
# CPU is user + system time. opus-tools: getrusage of the child, and the cost of the 1 s file is
# subtracted from the 60 s file's, which leaves 59 s of codec work without process start, library
# loading and headers. Parley: the encoding/decoding thread's CPU time (ThreadMXBean) over one pass
# of the whole file, after 2 unmeasured passes (JIT warm-up and native first use); the JVM's whole
# CPU time over the same pass (adding GC and JIT threads) is in parley.tsv too.
set -euo pipefail
repeats="${1:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/bench/jmh"
command -v opusenc >/dev/null || { echo "opusenc missing: apt-get install -y opus-tools" >&2; exit 1; }

"$root/mvnw" -q -B -f "$root/pom.xml" package -pl bench/jmh -am -DskipTests -DskipITs \
  -Dspotless.check.skip=true -Dcheckstyle.skip=true
out="$module/results/opus-tools-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
classpath="$module/target/classes:$(cat "$module/target/benchmark-classpath.txt")"
java_run() {
  java -Dorg.bytedeco.javacpp.cachedir="$module/target/javacpp-cache" -cp "$classpath" \
    org.parley.bench.OpusToolsComparison "$@"
}

# Prints "user_s system_s wall_s" of one command, to microseconds.
cpu_of() {
  python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], check=True)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime:.6f} {usage.ru_stime:.6f} {wall:.6f}")' "$@"
}

java_run generate "$out/in.wav" 60
python3 -c '
import sys, wave
with wave.open(sys.argv[1]) as full, wave.open(sys.argv[2], "wb") as short:
    short.setparams(full.getparams())
    short.writeframes(full.readframes(full.getframerate()))' "$out/in.wav" "$out/short.wav"

opusenc_args=(--quiet --bitrate 32 --vbr --comp 5 --framesize 20 --expect-loss 10
  --set-ctl-int 4012=1 --set-ctl-int 4000=2048)
{
  echo "# $(uname -srm); $(nproc) cores; $(opusenc --version | head -1)"
  echo "# java: $(java -version 2>&1 | head -1)"
  echo "# input: $(sha256sum "$out/in.wav" | cut -d' ' -f1) in.wav"
} >"$out/environment.txt"

for run in $(seq 1 "$repeats"); do
  dir="$out/run$run"
  mkdir -p "$dir"
  uptime >"$dir/uptime-before.txt"
  for name in in short; do
    echo "opusenc-$name $(cpu_of opusenc "${opusenc_args[@]}" "$out/$name.wav" "$dir/$name.opus")"
    echo "opusdec-$name $(cpu_of opusdec --quiet --no-dither "$dir/$name.opus" "$dir/$name-opusdec.wav")"
  done >"$dir/opus-tools.txt"
  java_run measure "$out/in.wav" "$dir/in.opus" "$dir/in-opusdec.wav" "$dir/parley.tsv" 2
  for name in parley parley-short; do
    echo "opusdec-$name $(cpu_of opusdec --quiet --no-dither "$dir/$name.opus" "$dir/$name-opusdec.wav")"
  done >>"$dir/opus-tools.txt"
  uptime >"$dir/uptime-after.txt"
done

cat "$out/environment.txt"
"$root/bench/opus-tools-summary.sh" "$out" | tee "$out/summary.txt"
