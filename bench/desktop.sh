#!/usr/bin/env bash
# Parley's desktop app beside linphone-desktop: time from launch to registered, idle memory, and
# memory across calls. Not part of ./mvnw verify; see docs/benchmarks.md ("Desktop").
#
#   ./mvnw -o -q -pl app -am package -DskipTests   # once: builds app/target/dist/parley.jar
#   bench/desktop.sh                                # both clients, 100 calls each (~15 minutes)
#   DESK_CLIENTS=parley DESK_CALLS=20 bench/desktop.sh
#
# Both clients run the same way, one after the other, each alone: on a fresh virtual display
# (Xvfb), a PulseAudio null sink as their sound card, with a prepared profile (Parley: an account
# in the profile database, see desktop/ProvisionProfile.java; linphone: a linphonerc) for a user
# of a local Kamailio 5.6 registrar (bench/kamailio/kamailio.cfg, digest auth). The registrar logs
# each REGISTER it answers with 200, so "registered" is what the server saw, not what the app
# claims. Then, per client:
#   launch_to_registered_s  from starting the process to the registrar's 200 (wall clock)
#   rss_idle_mb             resident memory (VmRSS) DESK_IDLE_SECONDS (60) after launch
#   rss_after_N_calls_mb    after N calls to a SIPp callee (bench/sipp/uas-bye.xml) that answers,
#                           holds the call 1 s and hangs up; also after the first 10 calls, so that
#                           growth across calls is visible apart from first-call warm-up
#   cpu_to_registered_s     CPU time (user + system) the process had used when it was registered:
#                           unlike the wall clock, it hardly depends on what else runs
#   cpu_ms_per_call         CPU time per call over calls 11 to N (the client's side of each call)
# For Parley the run also keeps (in the results folder) the JVM's class counts when it registered
# (parley-classes.txt), a per-mapping summary of the idle memory (parley-idle-smaps.txt), and with
# DESK_HISTOGRAM=1 a heap histogram after a full collection at call 10 and after the last call
# (parley-histogram-10.txt, parley-histogram-N.txt; those collections make the RSS figures after
# calls smaller than a plain run's), beside per-mapping summaries at both points (parley-smaps-*). PARLEY_JAVA_OPTS=-XX:NativeMemoryTracking=summary adds the
# JVM's native memory summary at both points (parley-nmt-*.txt). Every client's resident memory
# and main malloc arena ([heap]) after each call go to <client>-per-call.csv, so a plateau shows
# apart from growth; for Parley also the whole smaps at both points (parley-smaps-full-*.txt) and,
# after the last call, what the JVM's trim of the native heap gave back (parley-trim.txt).
# Parley runs as ./parley runs it (its JVM options, its class-data archive). The archive is made by
# the first start of each build; DESK_PRIME=1 (the default) starts Parley once beforehand, on a
# profile of its own, so that the measured start is a usual one and not that first one.
# Calls are placed as a user's link click would: a second `parley sip:...` launch hands the link
# to the running app; `linphone "call sip-address=..."` does the same for linphone-desktop.
# Traffic goes only to 127.0.0.1; every wait is bounded; processes are stopped by PID on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
clients="${DESK_CLIENTS:-parley linphone}"
calls="${DESK_CALLS:-100}"
idle_seconds="${DESK_IDLE_SECONDS:-60}"
port_base="${DESK_PORT_BASE:-42000}"
registrar_port=$((port_base + 10))
callee_port=$((port_base + 20))
domain="bench.parley.test"
jar="$root/app/target/dist/parley.jar"
prime="${DESK_PRIME:-1}"
histogram="${DESK_HISTOGRAM:-0}"

die() { echo "desktop.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

for tool in Xvfb sipp kamailio java pulseaudio pactl awk dbus-daemon; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y xvfb sip-tester kamailio pulseaudio)"
done
[[ " $clients " == *" linphone "* ]] && { command -v linphone >/dev/null || die "linphone is missing (apt-get install -y linphone-desktop)"; }
[[ " $clients " == *" parley "* ]] && { [[ -f "$jar" ]] || die "$jar is missing; build it first (see the top of this script)"; }
# The launcher builds first if the sources are newer than the build: not during a measurement.
[[ " $clients " == *" parley "* ]] && { "$root/parley" --version > /dev/null || die "./parley does not run"; }

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$bench/results/desktop-$stamp"
mkdir -p "$out"
work="$(mktemp -d /tmp/parley-desk.XXXXXX)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -n "${PULSE_RUNTIME_PATH:-}" ]] && pulseaudio --kill 2>/dev/null || true
}
trap cleanup EXIT

# Resident memory of process $1 and of its main malloc arena, in KB: "rss,heap".
rss_heap_kb() {
  awk '/^VmRSS:/ { rss = $2 } END { printf "%d,", rss }' "/proc/$1/status"
  awk '/^[0-9a-f]+-[0-9a-f]+ / { heap = ($NF == "[heap]") } heap && /^Rss:/ { kb += $2 }
       END { printf "%d\n", kb }' "/proc/$1/smaps"
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# CPU seconds (user + system) the process $1 has used so far.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# Waits up to $2 seconds for the command $1 to succeed.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

start_xvfb() {
  exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
  local line number=""
  while read -r -t 20 line <&3; do
    if [[ "$line" == pid* ]]; then pids+=("${line#pid }"); else number="$line"; break; fi
  done
  [[ -n "$number" ]] || die "Xvfb did not start"
  export DISPLAY=":$number"
}

# One null sink as everybody's speaker and microphone (LAB.md: sound without a sound card).
start_pulse() {
  export PULSE_RUNTIME_PATH="$work/pulse"
  mkdir -p "$PULSE_RUNTIME_PATH" "$work/pulse-home"
  HOME="$work/pulse-home" pulseaudio --start --exit-idle-time=-1 --daemonize=yes >/dev/null 2>&1 ||
    die "pulseaudio did not start"
  export PULSE_SERVER="unix:$PULSE_RUNTIME_PATH/native"
  pactl load-module module-null-sink sink_name=bench_sink >/dev/null
  pactl set-default-sink bench_sink
  pactl set-default-source bench_sink.monitor
}

start_registrar() {
  kamailio -f "$bench/kamailio/kamailio.cfg" -DD -E -l "udp:127.0.0.1:$registrar_port" \
    -A "BENCH_DOMAIN=\"$domain\"" -A BENCH_DESKTOP -m 64 -M 8 -Y "$work" -w "$work" \
    > "$out/kamailio.log" 2>&1 &
  pids+=($!)
  wait_for "ss -Hlun 'sport = :$registrar_port' | grep -q ." 20 || die "kamailio did not start"
}

# A SIPp callee registered as "callee", answering up to $2 calls; its log gets a line per call.
start_callee() {
  local name="$1" count="$2"
  printf 'SEQUENTIAL\ncallee;pw-callee-bench;%s;\n' "$domain" > "$work/callee.csv"
  (cd "$work" && timeout 20 sipp "127.0.0.1:$registrar_port" -sf "$bench/sipp/register.xml" \
    -inf "$work/callee.csv" -i 127.0.0.1 -p "$callee_port" -t u1 -m 1 -nostdin \
    > /dev/null 2> "$out/$name-callee-register.err") || die "the callee did not register"
  (cd "$work" && exec timeout -k 5 3600 sipp "127.0.0.1:$registrar_port" -sf "$bench/sipp/uas-bye.xml" \
    -i 127.0.0.1 -p "$callee_port" -t u1 -s callee -m "$count" -nostdin -trace_logs \
    -log_file "$out/$name-calls.log" -trace_msg -message_file "$out/$name-callee-messages.log" \
    > /dev/null 2> "$out/$name-callee.err") &
  pids+=($!)
  callee_pid=$!
}

# Resident memory of process $1 by mapping (file name, or [heap]/[anon]...), largest first, in MB.
smaps_summary() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6 ? $6 : "[anon]") }
       /^Rss:/ { rss[name] += $2; total += $2 }
       END { printf "total %.1f MB\n", total / 1024
             for (n in rss) if (rss[n] >= 512) printf "%8.1f MB  %s\n", rss[n] / 1024, n }' \
    "/proc/$1/smaps" | sort -k1,1 -rn
}

# What process $1 holds (by mapping; and with DESK_HISTOGRAM=1 the heap after a full collection,
# and the JVM's native memory when tracked), tagged $2 (call count).
jvm_snapshot() {
  smaps_summary "$1" > "$out/parley-smaps-$2.txt" 2>/dev/null || true
  cp "/proc/$1/smaps" "$out/parley-smaps-full-$2.txt" 2>/dev/null || true
  [[ "$histogram" == 1 ]] && jcmd "$1" GC.class_histogram > "$out/parley-histogram-$2.txt" 2>&1
  jcmd "$1" VM.native_memory summary > "$out/parley-nmt-$2.txt" 2>&1 || true
}

calls_ended() {
  if [[ -f "$out/$1-calls.log" ]]; then awk '/ended/ { n++ } END { print n + 0 }' "$out/$1-calls.log"; else echo 0; fi
}

provision_parley() {
  mkdir -p "$1"
  java -cp "$jar:$(dirname "$jar")/lib/*" "$bench/desktop/ProvisionProfile.java" \
    "$1" "sip:$2@$domain" "pw-$2-bench" "127.0.0.1:$registrar_port"
}

# A first start of this build records the class-data archive as it exits (see ./parley).
prime_parley() {
  local home="$work/parley-prime" pid
  provision_parley "$home" u00003
  PARLEY_HOME="$home" "$root/parley" > "$out/parley-prime.console" 2>&1 &
  pid=$!
  wait_for "grep -q 'REGISTERED u00003 ' '$out/kamailio.log'" 120 || die "parley did not register (priming)"
  # The window comes up after the registration: its classes belong in the archive too.
  wait_for "grep -q 'Main window shown' '$home/logs/parley.log'" 120 || die "parley showed no window (priming)"
  kill "$pid"
  timeout 60 tail --pid="$pid" -f /dev/null || die "parley did not exit (priming)"
}

launch_parley() {
  local home="$work/parley"
  provision_parley "$home" u00001
  [[ "$prime" == 1 ]] && prime_parley
  user=u00001
  launched="$(date +%s.%N)"
  PARLEY_HOME="$home" "$root/parley" > "$out/parley.console" 2>&1 &
  client_pid=$!
}

call_parley() {
  PARLEY_HOME="$work/parley" timeout 30 "$root/parley" "sip:callee@$domain" \
    >> "$out/parley-links.console" 2>&1
}

launch_linphone() {
  local home="$work/linphone"
  mkdir -p "$home/.config/linphone" "$home/.local/share/linphone"
  sed -e "s/@PORT@/$registrar_port/g" -e "s/@DOMAIN@/$domain/g" \
    "$bench/desktop/linphonerc" > "$home/.config/linphone/linphonerc"
  user=u00002
  # linphone-desktop exits at once without a D-Bus session bus, and a later launch finds the
  # running one through it, so both share one bus.
  dbus-daemon --session --nofork --address="unix:path=$work/bus" > /dev/null 2>&1 &
  pids+=($!)
  wait_for "[[ -S '$work/bus' ]]" 20 || die "dbus-daemon did not start"
  export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/bus"
  launched="$(date +%s.%N)"
  HOME="$home" XDG_RUNTIME_DIR="$work/linphone-run" linphone > "$out/linphone.console" 2>&1 &
  client_pid=$!
}

call_linphone() {
  HOME="$work/linphone" XDG_RUNTIME_DIR="$work/linphone-run" timeout 30 \
    linphone "call sip-address=sip:callee@$domain" >> "$out/linphone-links.console" 2>&1 || true
}

measure() {
  local name="$1" registered rss_idle rss_10="" rss_end i cpu_registered cpu_10="" per_call=""
  mkdir -p "$work/linphone-run" && chmod 700 "$work/linphone-run"
  start_callee "$name" "$calls"
  "launch_$name"
  pids+=("$client_pid")
  wait_for "grep -q 'REGISTERED $user ' '$out/kamailio.log'" 120 || die "$name did not register in 120 s"
  cpu_registered="$(cpu_s "$client_pid")"
  registered="$(awk -v u="$user" '$0 ~ "REGISTERED " u " " { for (i = 1; i < NF; i++) if ($i == u) { print $(i + 1); exit } }' "$out/kamailio.log")"
  local to_registered
  to_registered="$(awk -v a="$launched" -v b="$registered" 'BEGIN { printf "%.2f", b - a }')"
  log "$name: registered $to_registered s after launch"
  if [[ "$name" == parley ]]; then
    jcmd "$client_pid" PerfCounter.print 2>/dev/null |
      grep -E '^(java\.cls\.(loaded|sharedLoaded|unloaded)Classes|sun\.cls\.time)=' \
        > "$out/parley-classes.txt" || true
  fi
  sleep "$(awk -v a="$launched" -v s="$idle_seconds" 'BEGIN { "date +%s.%N" | getline now; d = a + s - now; print (d > 0 ? d : 0) }')"
  rss_idle="$(rss_mb "$client_pid")"
  log "$name: idle RSS $rss_idle MB"
  smaps_summary "$client_pid" > "$out/$name-idle-smaps.txt" 2>/dev/null || true
  echo "call,rss_kb,heap_kb" > "$out/$name-per-call.csv"
  echo "0,$(rss_heap_kb "$client_pid")" >> "$out/$name-per-call.csv"
  for ((i = 1; i <= calls; i++)); do
    "call_$name"
    wait_for "(( \$(calls_ended $name) >= $i ))" 30 || die "$name: call $i did not end within 30 s"
    echo "$i,$(rss_heap_kb "$client_pid")" >> "$out/$name-per-call.csv"
    if [[ $i -eq 10 ]]; then
      rss_10="$(rss_mb "$client_pid")"
      cpu_10="$(cpu_s "$client_pid")"
      [[ "$name" == parley ]] && jvm_snapshot "$client_pid" 10
    fi
  done
  if [[ -n "$cpu_10" && $calls -gt 10 ]]; then
    per_call="$(awk -v a="$cpu_10" -v b="$(cpu_s "$client_pid")" -v n=$((calls - 10)) 'BEGIN { printf "%.0f", (b - a) * 1000 / n }')"
  fi
  sleep 5
  rss_end="$(rss_mb "$client_pid")"
  if [[ "$name" == parley ]]; then
    jvm_snapshot "$client_pid" "$calls"
    # What of the growth is memory freed but kept by malloc (glibc returns it only when trimmed):
    # the JVM's trim, then the resident memory again.
    jcmd "$client_pid" System.trim_native_heap > "$out/parley-trim.txt" 2>&1 || true
    echo "rss_after_trim_mb=$(rss_mb "$client_pid")" >> "$out/parley-trim.txt"
  fi
  log "$name: RSS after 10 calls ${rss_10:-n/a} MB, after $calls calls $rss_end MB; CPU ${cpu_registered} s to registered, ${per_call:-n/a} ms per call"
  echo "$name,$to_registered,$rss_idle,${rss_10:-},$calls,$rss_end,$cpu_registered,$per_call" >> "$out/desktop.csv"
  kill "$client_pid" 2>/dev/null || true
  wait "$client_pid" 2>/dev/null || true
  [[ "$name" == parley ]] && { cp "$work/parley/logs/parley.log" "$out/parley.log" 2>/dev/null || true; }
  kill "$callee_pid" 2>/dev/null || true
  wait "$callee_pid" 2>/dev/null || true
}

start_xvfb
start_pulse
start_registrar
echo "client,launch_to_registered_s,rss_idle_mb,rss_after_10_calls_mb,calls,rss_after_calls_mb,cpu_to_registered_s,cpu_ms_per_call" > "$out/desktop.csv"
{
  echo "cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) x $(nproc)"
  echo "load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "linphone=$(dpkg-query -W -f '${Version}' linphone-desktop 2>/dev/null || echo none)"
} > "$out/machine.txt"
for client in $clients; do
  measure "$client"
done
echo "load_at_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
column -s, -t "$out/desktop.csv" >&2
log "results in $out"
