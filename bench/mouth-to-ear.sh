#!/usr/bin/env bash
# Mouth-to-ear delay on loopback with one clock (issue 5): Parley<->Parley beside
# baresip<->baresip, per codec. Not part of ./mvnw verify; see docs/benchmarks.md
# ("Mouth-to-ear delay (issue 5)").
#
#   ./mvnw -o -q -pl app -am package -DskipTests   # once: builds app/target/dist/parley.jar
#   bench/mouth-to-ear.sh                           # all pairs, PCMU and Opus, 0 and 30 ms (~8 min)
#   M2E_CLIENTS=parley M2E_CODECS=opus M2E_RUNS=3 bench/mouth-to-ear.sh
#   M2E_CLIENTS="parley baresip" M2E_JITTER_MS="none 0 30" M2E_RUNS=3 bench/mouth-to-ear.sh
#   python3 bench/m2e/jitter_shim.py --self-test    # the shim's own tests (SIP, SDP, relay)
#
# One private PulseAudio daemon (its own HOME and runtime folder) is every sound card:
#   M       a stereo 48 kHz null sink: the measuring point. Its monitor is recorded in ONE
#           parecord stream, so both channels share one clock and one start.
#   A_mic   a remap source on M.monitor's LEFT channel: A's microphone.
#   B_spk   a remap sink on M's RIGHT channel: B's speaker.
#   A_spk, B_mic   plain null sinks: A's speaker (unheard) and B's microphone (silent).
# The probe plays a click train (bench/m2e/clicks.py: 10 ms 1 kHz bursts, 1 s apart) into M's
# left channel, so the left channel is exactly what A's microphone hears and the right exactly
# what B's speaker plays; the delay per click is the lag between them (cross-correlation).
# Each client process is routed by PULSE_SOURCE/PULSE_SINK through ALSA's pulse plugin: both
# Parley (javax.sound "System default") and baresip (its alsa module, "default") take the same
# path, so device buffering is part of what is measured, as it is for a user.
# Mixed pairs (M2E_CLIENTS="parley2baresip baresip2parley") tell the sending side's share from
# the receiving side's, both clients registered with the Parley server.
# Parley: a Parley server on loopback with users alice and bob; `parley answer` on B,
# `parley call --codec C` on A. baresip 1.0: two instances calling each other directly
# (sip:bob@127.0.0.1:PORT, no registrar), the codec forced in both accounts' audio_codecs.
# Jitter (M2E_JITTER_MS, default "0 30"; "none" = no shim, the topology before the shim):
# there is no tc netem here (LAB.md), so every Parley and baresip pair calls through
# bench/m2e/jitter_shim.py, a stateless SIP proxy that relays both directions' RTP/RTCP and
# holds each packet for a seeded delay, uniform in 0..2J ms (netem's "delay J J"). The MEDIA
# path is the same for both clients, A <-> shim <-> B with nothing else on it; signalling is
# not (it does not touch the delay): Parley A's account points at the shim, which forwards to
# the Parley server (Parley always sends out-of-dialog requests through its account's server),
# the server to B; baresip A dials sip:bob@127.0.0.1:SHIM and the shim forwards to B.
# The mixed pairs and the javasound loop do not use the shim (they run once, at "none").
# Traffic goes only to 127.0.0.1; every wait is bounded; processes are stopped by PID on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
clients="${M2E_CLIENTS:-parley baresip parley2baresip baresip2parley javasound}"
codecs="${M2E_CODECS:-pcmu opus}"
runs="${M2E_RUNS:-1}"
jitters="${M2E_JITTER_MS:-0 30}"
clicks="${M2E_CLICKS:-10}"
settle_seconds="${M2E_SETTLE_SECONDS:-3}"
port_base="${M2E_PORT_BASE:-43000}"
server_port=$((port_base + 10))
shim_port=$((port_base + 40))
# How long `parley call` stays up after the answer. Under load the devices can open 10-20 s
# after the answer; a call that hangs up mid-probe loses the last clicks (seen at load 20-29).
call_seconds=$((clicks + settle_seconds + ${M2E_CALL_SLACK_SECONDS:-30}))
jar="$root/app/target/dist/parley.jar"

die() { echo "mouth-to-ear.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

for tool in pulseaudio pactl parecord paplay python3 java baresip ss; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y pulseaudio pulseaudio-utils baresip)"
done
[[ " $clients " == *parley* ]] && { [[ -f "$jar" ]] || die "$jar is missing; build it first (see the top of this script)"; }
python3 -c 'import numpy' 2>/dev/null || die "python3 needs numpy"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$bench/results/m2e-$stamp"
mkdir -p "$out"
work="$(mktemp -d /tmp/parley-m2e.XXXXXX)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 1' INT TERM # so that cleanup runs when the script is stopped

# Waits up to $2 seconds for the command $1 to succeed.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

stop() {
  local pid="$1"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

start_pulse() {
  export HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
  mkdir -p "$HOME/.config/pulse" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  # A client must not start a daemon of its own if this one dies.
  echo "autospawn = no" > "$HOME/.config/pulse/client.conf"
  pulseaudio --daemonize=no --exit-idle-time=-1 -n --load=module-native-protocol-unix \
    > "$out/pulseaudio.log" 2>&1 &
  pids+=($!)
  wait_for "pactl info >/dev/null 2>&1" 20 || die "pulseaudio did not start"
  pactl load-module module-null-sink sink_name=M rate=48000 channels=2 \
    channel_map=front-left,front-right >/dev/null
  pactl load-module module-remap-source source_name=A_mic master=M.monitor channels=1 \
    master_channel_map=front-left channel_map=mono >/dev/null
  pactl load-module module-remap-sink sink_name=B_spk master=M channels=1 \
    master_channel_map=front-right channel_map=mono remix=no >/dev/null
  pactl load-module module-null-sink sink_name=A_spk rate=48000 >/dev/null
  pactl load-module module-null-sink sink_name=B_mic rate=48000 >/dev/null
  pactl set-default-sink A_spk
  pactl set-default-source B_mic.monitor
}

# True once A captures from its microphone and B plays to its speaker: media flows.
media_open() {
  pactl list short source-outputs | awk -v id="$(source_id A_mic)" '$2 == id' | grep -q . &&
    pactl list short sink-inputs | awk -v id="$(sink_id B_spk)" '$2 == id' | grep -q .
}
source_id() { pactl list short sources | awk -v n="$1" '$2 == n { print $1 }'; }
sink_id() { pactl list short sinks | awk -v n="$1" '$2 == n { print $1 }'; }

# Records M's monitor while the probe plays the clicks into M; then measures. $1: run name.
probe() {
  local name="$1" seconds
  seconds="$(python3 -c "import wave; w = wave.open('$work/clicks.wav'); print(int(w.getnframes() / w.getframerate()) + 2)")"
  timeout -k 2 "$seconds" parecord -d M.monitor --rate 48000 --channels 2 --format s16le \
    --latency-msec 10 --file-format=wav "$out/$name.wav" &
  local recorder=$!
  # Where the delay sits inside PulseAudio: each client stream's buffer and device latency.
  { pactl list source-outputs; pactl list sink-inputs; } > "$out/$name-pulse-streams.txt"
  sleep 0.3
  paplay -d M --latency-msec 10 "$work/clicks.wav"
  wait "$recorder" 2>/dev/null || true
  python3 "$bench/m2e/clicks.py" measure "$out/$name.wav" > "$out/$name.json" ||
    log "$name: no click came through (see $out/$name.wav)"
  log "$name: $(cut -c1-120 "$out/$name.json")"
}

# ---------------------------------------------------------------- Parley

# M2E_JAVA_OPTS: extra JVM options for every Parley process, e.g.
# -Dparley.audio.call-buffer-ms=100 for the call device lines before session 8.
parley() { java -XX:+ExitOnOutOfMemoryError ${M2E_JAVA_OPTS:-} -jar "$jar" "$@"; }
# For background processes: exec, so that $! is the JVM itself and stopping it stops Parley
# (a function run with & is a subshell; killing that would orphan its java).
parley_exec() { exec java -XX:+ExitOnOutOfMemoryError ${M2E_JAVA_OPTS:-} -jar "$jar" "$@"; }

start_parley_server() {
  local data="$work/parley-data"
  mkdir -p "$data"
  printf 'alice,pw-alice-m2e\nbob,pw-bob-m2e\n' > "$work/users.csv"
  # baresip 1.0 digests only MD5 (as SIPp in bench/run.sh): the mixed pairs register with it.
  # On a loaded machine B's answer can take longer than voicemail's default 20 s: without
  # this the call is measured against the voicemail recorder instead of B.
  printf 'tls.port=0\nhttp.port=0\nauth.algorithms=MD5\nvoicemail.no-answer-seconds=300\n' \
    > "$work/parley.properties"
  parley server user import "$work/users.csv" --data "$data" --domain 127.0.0.1 > /dev/null
  parley_exec server --config "$work/parley.properties" --data "$data" --domain 127.0.0.1 \
    --bind 127.0.0.1 --sip-port "$server_port" --http-port 0 > "$out/parley-server.log" 2>&1 &
  pids+=($!)
  # A server left over from another run would answer in its place.
  ss -Hlun "sport = :$server_port" | grep -q . && die "port $server_port is taken: set M2E_PORT_BASE"
  wait_for "ss -Hlun 'sport = :$server_port' | grep -q ." 60 || die "the Parley server did not start"
}

# A Parley callee (B) registered as bob; prints nothing until registered. It must outlast the
# caller: a call B ends comes to A as a remote hang-up, and A then writes no --stats.
# B's --stats (rewritten every second of the call) is the measured direction's receive side.
start_parley_b() {
  local name="$1"
  PULSE_SOURCE=B_mic.monitor PULSE_SINK=B_spk parley_exec answer \
    --account "sip:bob@127.0.0.1:$server_port" --password pw-bob-m2e --calls 1 \
    --duration $((call_seconds + 120)) --stats "$out/$name-callee.json" \
    --microphone "System default" --speaker "System default" > "$out/$name-b.log" 2>&1 &
  answerer=$!
  pids+=("$answerer")
  wait_for "grep -qs '^Registered' '$out/$name-b.log'" 60 || die "$name: B did not register"
}

# A Parley caller (A) calling bob through the server; through the shim first if $3 is "shim".
start_parley_a() {
  local codec="$1" name="$2" first_hop_port="$server_port"
  [[ "${3:-}" == shim ]] && first_hop_port="$shim_port"
  PULSE_SOURCE=A_mic PULSE_SINK=A_spk parley_exec call sip:bob@127.0.0.1 \
    --account "sip:alice@127.0.0.1:$first_hop_port" --password pw-alice-m2e --codec "$codec" \
    --duration "$call_seconds" --stats "$out/$name-stats.json" \
    --microphone "System default" --speaker "System default" > "$out/$name-a.log" 2>&1 &
  caller=$!
  pids+=("$caller")
}

# $3: the jitter in ms, or "none" for no shim.
run_parley() {
  local codec="$1" name="$2" jitter="$3" answerer caller shim=""
  start_parley_b "$name"
  if [[ "$jitter" == none ]]; then
    start_parley_a "$codec" "$name"
  else
    start_shim "$name" "$jitter" "$server_port"
    start_parley_a "$codec" "$name" shim
  fi
  measure_call "$name"
}

# The jitter shim for one call, forwarding to 127.0.0.1:$3; its stats go to $name-shim.json.
start_shim() {
  local name="$1" jitter="$2" next_hop_port="$3"
  ss -Hlun "sport = :$shim_port" | grep -q . && die "port $shim_port is taken: set M2E_PORT_BASE"
  python3 "$bench/m2e/jitter_shim.py" --port "$shim_port" --next-hop "127.0.0.1:$next_hop_port" \
    --rtp-ports "$((port_base + 100))-$((port_base + 199))" --jitter-ms "$jitter" \
    --seed "${M2E_SEED:-1}" --stats "$out/$name-shim.json" 2> "$out/$name-shim.log" &
  shim=$!
  pids+=("$shim")
  wait_for "ss -Hlun 'sport = :$shim_port' | grep -q ." 10 || die "$name: the jitter shim did not start"
}

# Probes once media flows, then stops both sides.
measure_call() {
  local name="$1"
  wait_for media_open 120 || die "$name: the call's audio did not open within 120 s"
  sleep "$settle_seconds" # the jitter buffers settle, as in a call a user has been in for a while
  probe "$name"
  if [[ "$name" == parley-* ]]; then
    # parley call writes --stats (its receiver's RFC 3550 jitter, loss) when its --duration
    # ends, just before it hangs up; the probe is over by then.
    wait_for "[[ -s '$out/$name-stats.json' ]]" $((call_seconds + 15)) ||
      log "$name: no --stats from the caller"
  fi
  stop "$caller"
  stop "$answerer"
  # SIGTERM makes the shim write its stats before it exits.
  [[ -n "${shim:-}" ]] && stop "$shim"
  return 0
}

# ---------------------------------------------------------------- baresip

baresip_config() {
  local folder="$1" port="$2" user="$3" codec="$4" answer="$5" via="$6"
  mkdir -p "$folder"
  {
    printf 'poll_method\t\tepoll\nsip_listen\t\t127.0.0.1:%s\n' "$port"
    printf 'audio_player\t\talsa,default\naudio_source\t\talsa,default\n'
    printf 'net_interface\t\t127.0.0.1\nmodule_path\t\t/usr/lib/baresip/modules\n'
    printf 'module\t\t\t%s.so\n' g711 opus alsa
    printf 'module_tmp\t\taccount.so\nmodule_app\t\tmenu.so\n'
  } > "$folder/config"
  local codecs
  case "$codec" in
    pcmu) codecs="PCMU/8000/1" ;;
    opus) codecs="opus/48000/2" ;;
    *) die "unknown codec $codec" ;;
  esac
  if [[ "$via" == server ]]; then
    printf '<sip:%s@127.0.0.1>;auth_pass=pw-%s-m2e;outbound="sip:127.0.0.1:%s";regint=600;answermode=%s;audio_codecs=%s\n' \
      "$user" "$user" "$server_port" "$answer" "$codecs" > "$folder/accounts"
  else
    printf '<sip:%s@127.0.0.1:%s>;regint=0;answermode=%s;audio_codecs=%s\n' \
      "$user" "$port" "$answer" "$codecs" > "$folder/accounts"
  fi
}

# $1 codec, $2 run name, $3 "direct" (no registrar) or "server" (registered with Parley's).
start_baresip_b() {
  local codec="$1" name="$2" via="$3"
  baresip_config "$work/$name-b" $((port_base + 30)) bob "$codec" auto "$via"
  PULSE_SOURCE=B_mic.monitor PULSE_SINK=B_spk timeout -k 5 120 baresip -f "$work/$name-b" \
    < /dev/null > "$out/$name-b.log" 2>&1 &
  answerer=$!
  pids+=("$answerer")
  if [[ "$via" == server ]]; then
    wait_for "grep -qs '200 OK' '$out/$name-b.log'" 30 || die "$name: baresip B did not register"
  else
    wait_for "ss -Hlun 'sport = :$((port_base + 30))' | grep -q ." 20 || die "$name: baresip B did not start"
  fi
}

# $3 "direct", "shim" (dial the shim, which forwards to B) or "server".
start_baresip_a() {
  local codec="$1" name="$2" via="$3" target="sip:bob@127.0.0.1"
  [[ "$via" == direct ]] && target+=":$((port_base + 30))"
  [[ "$via" == shim ]] && target+=":$shim_port" && via=direct
  baresip_config "$work/$name-a" $((port_base + 20)) alice "$codec" manual "$via"
  PULSE_SOURCE=A_mic PULSE_SINK=A_spk timeout -k 5 120 baresip -f "$work/$name-a" \
    -e "/dial $target" < /dev/null > "$out/$name-a.log" 2>&1 &
  caller=$!
  pids+=("$caller")
}

run_baresip() {
  local codec="$1" name="$2" jitter="$3" answerer caller shim=""
  start_baresip_b "$codec" "$name" direct
  if [[ "$jitter" == none ]]; then
    start_baresip_a "$codec" "$name" direct
  else
    start_shim "$name" "$jitter" $((port_base + 30))
    start_baresip_a "$codec" "$name" shim
  fi
  measure_call "$name"
}

# Mixed pairs split the delay between sending and receiving side: Parley's microphone to
# baresip's speaker, and the other way round, both registered with the Parley server.
run_parley2baresip() {
  local codec="$1" name="$2" answerer caller shim=""
  start_baresip_b "$codec" "$name" server
  start_parley_a "$codec" "$name"
  measure_call "$name"
}

run_baresip2parley() {
  local codec="$1" name="$2" answerer caller shim=""
  start_parley_b "$name"
  start_baresip_a "$codec" "$name" server
  measure_call "$name"
}

# The device path alone (bench/m2e/JavaSoundLoop.java): A's microphone copied to B's speaker in
# one JVM, no codec, no network; the part of Parley's delay javax.sound and PulseAudio account for.
run_javasound() {
  local codec="$1" name="$2" answerer caller shim=""
  PULSE_SOURCE=A_mic PULSE_SINK=B_spk java "$bench/m2e/JavaSoundLoop.java" $((clicks + settle_seconds + 10)) "${M2E_JAVASOUND_BUFFER_MS:-100}" \
    > "$out/$name.log" 2>&1 &
  caller=$!
  pids+=("$caller")
  answerer=$caller
  measure_call "$name"
}

# ---------------------------------------------------------------- main

start_pulse
python3 "$bench/m2e/clicks.py" make "$work/clicks.wav" --clicks "$clicks"
{
  echo "cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) x $(nproc)"
  echo "load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "baresip=$(dpkg-query -W -f '${Version}' baresip-core 2>/dev/null || echo unknown)"
  echo "pulseaudio=$(pulseaudio --version)"
} > "$out/machine.txt"
[[ " $clients " == *parley* ]] && start_parley_server
# Runs outermost, pairs innermost: the machine's load drifts, and interleaving spreads the drift
# over every cell instead of loading it onto whichever pair ran last.
for ((run = 1; run <= runs; run++)); do
  for codec in $codecs; do
    for client in $clients; do
      # No codec in the device loop: once is enough.
      [[ "$client" == javasound && "$codec" != "${codecs%% *}" ]] && continue
      client_jitters="$jitters"
      [[ "$client" == parley || "$client" == baresip ]] || client_jitters=none
      for jitter in $client_jitters; do
        # Result names: pair-codec-run without the shim, pair-codec-jJ-run through it.
        tag="$client-$codec"
        [[ "$jitter" == none ]] || tag+="-j$jitter"
        log "$client $codec jitter $jitter ms run $run"
        "run_$client" "$codec" "$tag-$run" "$jitter"
      done
    done
  done
done
echo "load_at_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
python3 "$bench/m2e/summary.py" "$out" > "$out/summary.md"
cat "$out/summary.md" >&2
log "results in $out"
