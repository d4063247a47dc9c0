#!/usr/bin/env bash
# Parley vs Kamailio: authenticated REGISTER/s and proxied INVITE calls/s, stepped with SIPp.
#
#   bench/run.sh                      # both servers, default steps (about 10 minutes, up to 14
#                                     # when it has to wait for a quiet machine)
#   BENCH_SERVERS=parley bench/run.sh # one server only
#   BENCH_PROFILE=1 bench/run.sh      # Parley only, fixed load, with a JFR recording (see docs/benchmarks.md)
#
# Each server runs alone on 127.0.0.1 (never both at once). Per step: SIPp at a fixed rate for
# BENCH_STEP_SECONDS, then successful/failed counts from SIPp's statistics and the server's CPU
# time (utime+stime of all its processes from /proc) before and after. Stepping stops at the
# first step with more than 0.1 % failed, or one that reaches less than 90 % of its target rate.
# Raw data goes to bench/results/<timestamp>/ (gitignored except summary.md).
#
# Traffic goes only to 127.0.0.1. Every SIPp run is bounded by -m (count), -timeout (time) and
# an outer `timeout`; the servers are stopped by PID when the script exits.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"

servers="${BENCH_SERVERS:-parley kamailio}"
users="${BENCH_USERS:-2000}"
step_seconds="${BENCH_STEP_SECONDS:-15}"
reg_rates="${BENCH_REG_RATES-500 1000 1500 2000 3000 4000 6000}"
call_rates="${BENCH_CALL_RATES-100 200 300 400 600 800 1200}"
# Warm-up before the measured steps, in seconds. Parley's JIT (C2) needs about a minute of
# traffic before it stops compiling (measured: ~14 s of compiler CPU in the first 60 s at
# 500 REGISTER/s); Kamailio needs none, but gets a short one so that both start the same way.
parley_warmup="${BENCH_PARLEY_WARMUP:-60 60}"     # REGISTER seconds, calls seconds
kamailio_warmup="${BENCH_KAMAILIO_WARMUP:-10 5}"
call_pause_ms="${BENCH_CALL_PAUSE_MS:-500}"
profile="${BENCH_PROFILE:-0}"
max_fail_pct="0.1"
min_rate_fraction="0.9"
reg_per_sipp=2000  # REGISTER "calls"/s one SIPp process handles comfortably here (LAB.md: ~3,000 calls/s max)
call_per_sipp=600  # calls/s per SIPp UAC process (a call here is 10 messages, a REGISTER 4)
# SIPp's socket buffers (its default is 64 KiB): bursts of answers (a group commit's 200 OKs, the
# calls held up by a pause) overflowed the SIPps' sockets, not the server's, at 2,000 REGISTER/s
# (17,212 drops in one step, none on the server's socket). Both servers get the same clients.
sipp_buffer="${BENCH_SIPP_BUFFER:-4194304}"
domain="bench.parley.test"
# Ports (UDP, 127.0.0.1): others on this machine run SIP tests too, so they are movable.
port_base="${BENCH_PORT_BASE:-41000}"
parley_port=$((port_base + 60))
kamailio_port=$((port_base + 70))
uas_ports=($((port_base + 101)) $((port_base + 102)))
client_port=$((port_base + 200)) # SIPp UACs use client_port .. client_port+3
# 1 GB: at 800-1,000 calls/s a call's transactions keep about as much alive as G1 starts
# concurrent marking at in 512 MB (GC 31-42 % of the server's CPU, failures at 1,000/s); with
# 1 GB only young collections ran (15-20 %) and 1,200/s passed (docs/benchmarks.md, session 8).
heap="${BENCH_HEAP:-1g}"
# More JVM options for Parley (e.g. a GC choice to compare), after the heap settings.
parley_java_opts="${BENCH_PARLEY_JAVA_OPTS:-}"

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

for tool in sipp kamailio java awk; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y sip-tester kamailio)"
done
[[ "$profile" == 1 ]] && servers="parley"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$bench/results/$stamp"
mkdir -p "$out"
work="$(mktemp -d /tmp/parley-bench.XXXXXX)"
csv="$out/steps.csv"
echo "server,idle_cpu_pct_of_one_core" > "$out/idle.csv"
echo "server,waited_s,machine_busy_pct_at_start" > "$out/quiet.csv"
echo "server,phase,target_rate,sipp_procs,attempted,successful,failed,fail_pct,retransmissions,wall_s,achieved_rate,server_cpu_s,cpu_us_per_op,jit_cpu_s,sipp_cpu_s,other_cpu_pct,steal_pct,load1_before,load1_after,verdict,udp_rcvbuf_drops" > "$csv"

server_pid=""
uas_pids=()
cleanup() {
  local pid
  for pid in "${uas_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for port in "$parley_port" "$kamailio_port" "${uas_ports[@]}" $(seq "$client_port" $((client_port + 3))); do
  if ss -Hlun "sport = :$port" | grep -q .; then die "UDP port $port is busy; set BENCH_PORT_BASE"; fi
done

clk_tck="$(getconf CLK_TCK)"
ncpu="$(nproc)"

# ---------------------------------------------------------------- measurements

# CPU ticks (utime+stime) of a process and its direct children (Kamailio's workers).
proc_ticks() {
  local main="$1" total=0 pid t
  for pid in "$main" $(pgrep -P "$main" || true); do
    # Fields 14 and 15 after the ")" that ends the command name.
    t="$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    total=$((total + t))
  done
  echo "$total"
}

# Busy ticks of the whole machine (user, nice, system, irq, softirq), and steal ticks (time the
# hypervisor gave our virtual CPUs to someone else; its accounting here is rough).
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat; }
machine_steal_ticks() { awk '/^cpu / { print $9; exit }' /proc/stat; }

# CPU of finished SIPp runs: `times` (run in this shell, not in a $(...) subshell, which would
# have its own counters) reports the reaped children's user and system time. Sets children_cs
# (centiseconds).
sample_children() {
  times > "$work/times.txt"
  children_cs="$(awk 'NR == 2 {
    n = split($0, t, " "); s = 0
    for (i = 1; i <= n; i++) { split(t[i], p, "m"); sub(/s$/, "", p[2]); s += p[1] * 60 + p[2] }
    printf "%d\n", s * 100 }' "$work/times.txt")"
}

# CPU ticks of the running answering SIPps (not yet reaped, so `times` does not see them).
uas_ticks() {
  local total=0 pid
  for pid in "${uas_pids[@]}"; do total=$((total + $(proc_ticks "$pid"))); done
  echo "$total"
}

# Per-thread CPU ticks of the server (all threads of the main process and its children):
# lines "tid name utime stime", for the per-thread breakdown of each step.
task_snapshot() {
  local main="$1" pid
  for pid in "$main" $(pgrep -P "$main" || true); do
    cat /proc/"$pid"/task/*/stat 2>/dev/null || true
  done | awk '{ tid = $1; name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) [A-Z] .*/, "", name)
    rest = $0; sub(/.*\) /, "", rest); split(rest, f, " "); gsub(/ /, "_", name)
    print tid, name, f[12], f[13] }'
}

# Writes the per-thread CPU between two snapshots, summed by thread name without digits.
task_diff() {
  printf '%-50s %8s %8s %6s\n' thread user_s sys_s share
  awk -v hz="$clk_tck" 'FNR == NR { u[$1] = $3; s[$1] = $4; next }
    { n = $2; gsub(/[0-9]+/, "#", n); du = $3 - u[$1]; ds = $4 - s[$1]
      if (!($1 in u)) { du = $3; ds = $4 }
      U[n] += du; S[n] += ds; T += du + ds }
    END { for (n in U) if (U[n] + S[n] > 0)
        printf "%-50s %8.2f %8.2f %5.1f%%\n", n, U[n] / hz, S[n] / hz, 100 * (U[n] + S[n]) / (T > 0 ? T : 1) }' \
    "$1" "$2" | sort -k4,4 -rn
}

# UDP datagrams the kernel dropped because a socket's receive buffer was full (whole machine).
udp_rcvbuf_errors() { awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) c[$i] = i; h = 1 } else { print $c["RcvbufErrors"]; exit } }' /proc/net/snmp; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# A value from the last line of a SIPp statistics file, by column name.
stat_value() {
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    { v = $c } END { print (v == "" ? 0 : v) + 0 }' "$1"
}

# ---------------------------------------------------------------- users

make_users() {
  local i name
  : > "$work/users-parley.csv"
  for ((i = 1; i <= users; i++)); do
    printf -v name 'u%05d' "$i"
    echo "$name,pw-$name-bench" >> "$work/users-parley.csv"
  done
  echo "callee1,pw-callee1-bench" >> "$work/users-parley.csv"
  echo "callee2,pw-callee2-bench" >> "$work/users-parley.csv"
  # SIPp injection slices: slice k of n holds every n-th user, so parallel SIPps never share one.
  local n k
  for n in 1 2 3 4; do
    for ((k = 0; k < n; k++)); do
      { echo SEQUENTIAL
        awk -F, -v n="$n" -v k="$k" -v d="$domain" \
          '$1 ~ /^u/ && (NR - 1) % n == k { print $1 ";" $2 ";" d }' "$work/users-parley.csv"
      } > "$work/users-$k-of-$n.csv"
    done
  done
  for k in 1 2; do
    printf 'SEQUENTIAL\ncallee%s;pw-callee%s-bench;%s\n' "$k" "$k" "$domain" > "$work/callee$k.csv"
  done
}

# ---------------------------------------------------------------- servers

start_parley() {
  local data="$work/parley-data"
  rm -rf "$data"
  mkdir -p "$data"
  # SIPp 3.6.1 digests only MD5 and takes the first challenge it sees; Parley offers SHA-256
  # first by default, so the benchmark runs Parley MD5-only. TLS and HTTP are off (UDP only).
  printf 'tls.port=0\nhttp.port=0\nauth.algorithms=MD5\n' > "$work/parley.properties"
  log "parley: importing $((users + 2)) users"
  "$root/parley" server user import "$work/users-parley.csv" --data "$data" --domain "$domain" >&2
  # ./parley starts every subcommand with the desktop client's JVM options (the client compiler
  # alone, the serial collector). A server under load wants C2 and a collector that does not stop
  # it single-threaded: without C2 a call cost 3x the CPU (docs/benchmarks.md, session 8). These
  # come after the launcher's and so win; a collector in BENCH_PARLEY_JAVA_OPTS still replaces G1.
  local gc="-XX:+UseG1GC"
  [[ "$parley_java_opts" == *-XX:+Use*GC* ]] && gc=""
  local java_opts="-Xms$heap -Xmx$heap -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=4 $gc $parley_java_opts"
  if [[ "$profile" == 1 ]]; then
    # Recording from the start: starting JFR later (jcmd JFR.start) invalidates compiled code
    # and sends the JIT back to work for half a minute. Steps are cut out with JFR.dump.
    java_opts+=" -XX:StartFlightRecording=name=bench,settings=profile,maxage=20m"
  fi
  PARLEY_JAVA_OPTS="$java_opts" "$root/parley" server --config "$work/parley.properties" \
    --data "$data" --domain "$domain" --bind 127.0.0.1 --sip-port "$parley_port" --http-port 0 \
    > "$out/parley-server.out" 2>&1 &
  server_pid=$!
  server_port=$parley_port
  wait_listening "$parley_port" parley
}

start_kamailio() {
  kamailio -f "$bench/kamailio/kamailio.cfg" -DD -E -l "udp:127.0.0.1:$kamailio_port" \
    -A "BENCH_DOMAIN=\"$domain\"" -m 256 -M 16 -Y "$work" -w "$work" \
    > "$out/kamailio.out" 2>&1 &
  server_pid=$!
  server_port=$kamailio_port
  wait_listening "$kamailio_port" kamailio
}

wait_listening() {
  local port="$1" name="$2" i
  for ((i = 0; i < 60; i++)); do
    if ss -Hlun "sport = :$port" | grep -q .; then sleep 1; return 0; fi
    kill -0 "$server_pid" 2>/dev/null || die "$name exited at start (see $out/$name*.out)"
    sleep 0.5
  done
  die "$name did not listen on UDP $port within 30 s"
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 40; i++)); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# ---------------------------------------------------------------- SIPp runs

# run_sipp DIR NAME SCENARIO USERFILE LOCALPORT RATE COUNT LIMIT [extra sipp args...]
# Starts one bounded SIPp in the background; its PID is appended to sipp_pids.
sipp_pids=()
run_sipp() {
  local dir="$1" name="$2" scenario="$3" inf="$4" port="$5" rate="$6" count="$7" limit="$8"
  shift 8
  local seconds=$(( count / (rate > 0 ? rate : 1) + 20 ))
  ( cd "$dir" && exec timeout -k 5 $((seconds + 15)) sipp "127.0.0.1:$server_port" \
      -sf "$bench/sipp/$scenario" -inf "$inf" -i 127.0.0.1 -p "$port" -t u1 -buff_size "$sipp_buffer" \
      -r "$rate" -m "$count" -l "$limit" -recv_timeout 10000 -timeout "${seconds}s" \
      -nostdin -nd -trace_stat -stf "$name.stat.csv" -fd 1 -trace_err -max_log_size 2000000 \
      "$@" > /dev/null 2> "$name.err" ) &
  sipp_pids+=($!)
}

# One measured step. Prints nothing; appends to steps.csv and sets step_ok.
# step SERVER PHASE RATE
step() {
  local name="$1" phase="$2" rate="$3"
  local dir="$out/$name/$phase-$rate"
  mkdir -p "$dir"
  local per procs
  if [[ "$phase" == register ]]; then per=$reg_per_sipp; else per=$call_per_sipp; fi
  procs=$(( (rate + per - 1) / per ))
  if [[ "$phase" == calls && procs -lt 2 ]]; then procs=2; fi
  (( procs > 4 )) && procs=4
  local proc_rate=$(( rate / procs ))
  local count=$(( proc_rate * step_seconds ))
  local load_before cpu0 busy0 steal0 drops0 kids0 uas0 t0
  load_before="$(load1)"
  cpu0="$(proc_ticks "$server_pid")"
  task_snapshot "$server_pid" > "$dir/threads-before.txt"
  busy0="$(machine_busy_ticks)"
  steal0="$(machine_steal_ticks)"
  drops0="$(udp_rcvbuf_errors)"
  sample_children
  kids0="$children_cs"
  uas0="$(uas_ticks)"
  t0="$(date +%s.%N)"
  sipp_pids=()
  local k
  for ((k = 0; k < procs; k++)); do
    if [[ "$phase" == register ]]; then
      run_sipp "$dir" "sipp$k" register.xml "$work/users-$k-of-$procs.csv" $((client_port + k)) \
        "$proc_rate" "$count" $((proc_rate * 2 + 10))
    else
      run_sipp "$dir" "sipp$k" uac.xml "$work/users-$k-of-$procs.csv" $((client_port + k)) \
        "$proc_rate" "$count" $((proc_rate * 3 + 10)) -s "callee$((k % 2 + 1))" -d "$call_pause_ms"
    fi
  done
  local pid
  for pid in "${sipp_pids[@]}"; do wait "$pid" || true; done
  local t1 cpu1 busy1 steal1 drops1 kids1 uas1 load_after
  t1="$(date +%s.%N)"
  cpu1="$(proc_ticks "$server_pid")"
  task_snapshot "$server_pid" > "$dir/threads-after.txt"
  task_diff "$dir/threads-before.txt" "$dir/threads-after.txt" > "$dir/threads.txt"
  # The server's SIP socket as the kernel sees it: skmem's rb is the receive buffer it got, d the
  # datagrams dropped on it since it opened.
  ss -Hulmn "sport = :$server_port" > "$dir/socket.txt" 2>/dev/null || true
  local jit
  jit="$(awk '/Compiler/ { s += $2 + $3 } END { printf "%.2f", s }' "$dir/threads.txt")"
  busy1="$(machine_busy_ticks)"
  steal1="$(machine_steal_ticks)"
  drops1="$(udp_rcvbuf_errors)"
  sample_children
  kids1="$children_cs"
  uas1="$(uas_ticks)"
  load_after="$(load1)"
  local ok=0 retrans=0 v
  for ((k = 0; k < procs; k++)); do
    v="$dir/sipp$k.stat.csv"
    [[ -s "$v" ]] || continue
    ok=$((ok + $(stat_value "$v" 'SuccessfulCall(C)')))
    retrans=$((retrans + $(stat_value "$v" 'Retransmissions(C)')))
  done
  local attempted=$((count * procs))
  # Failed = not successful: calls SIPp never finished (global timeout) count as failed too.
  local failed=$((attempted - ok))
  local tail=1
  [[ "$phase" == calls ]] && tail=$(awk -v p="$call_pause_ms" 'BEGIN { print p / 1000 + 1 }')
  local server_alive=1
  kill -0 "$server_pid" 2>/dev/null || server_alive=0
  local row
  row="$(awk -v s="$name" -v ph="$phase" -v r="$rate" -v p="$procs" -v a="$attempted" -v ok="$ok" \
    -v f="$failed" -v rt="$retrans" -v t0="$t0" -v t1="$t1" -v c0="$cpu0" -v c1="$cpu1" \
    -v b0="$busy0" -v b1="$busy1" -v st0="$steal0" -v st1="$steal1" -v d0="$drops0" -v d1="$drops1" \
    -v k0="$kids0" -v k1="$kids1" -v u0="$uas0" -v u1="$uas1" -v hz="$clk_tck" -v n="$ncpu" \
    -v l0="$load_before" -v l1="$load_after" -v maxf="$max_fail_pct" -v minr="$min_rate_fraction" \
    -v steps="$step_seconds" -v tail="$tail" -v alive="$server_alive" -v jit="$jit" 'BEGIN {
      wall = t1 - t0
      fpct = a > 0 ? 100 * f / a : 100
      # The offered load lasts step_seconds; after it the last calls still run for about a
      # call length (tail), which is not a sign of a slow server.
      busy = wall - tail
      achieved = ok / (busy > steps ? busy : steps)
      scpu = (c1 - c0) / hz
      us = ok > 0 ? 1e6 * scpu / ok : 0
      sipp = (k1 - k0) / 100 + (u1 - u0) / hz
      other = 100 * ((b1 - b0) / hz - scpu - sipp) / (wall * n)
      if (other < 0) other = 0
      steal = 100 * (st1 - st0) / hz / (wall * n)
      verdict = "ok"
      if (!alive) verdict = "server-died"
      else if (fpct > maxf) verdict = "failures"
      else if (achieved < minr * r) verdict = "rate-not-reached"
      printf "%s,%s,%d,%d,%d,%d,%d,%.3f,%d,%.1f,%.0f,%.2f,%.0f,%.2f,%.2f,%.0f,%.0f,%s,%s,%s,%d\n",
        s, ph, r, p, a, ok, f, fpct, rt, wall, achieved, scpu, us, jit, sipp, other, steal, l0, l1, verdict, d1 - d0
    }')"
  echo "$row" >> "$csv"
  log "$row"
  [[ "$(cut -d, -f20 <<< "$row")" == ok ]] && step_ok=1 || step_ok=0
}

# Waits (at most BENCH_QUIET_WAIT seconds, in 3 s samples) until other work uses less than
# BENCH_QUIET_PCT % of the machine, so that a server does not start in someone else's build.
wait_quiet() {
  local max="${BENCH_QUIET_WAIT:-120}" pct="${BENCH_QUIET_PCT:-30}" waited=0 b0 b1 busy
  while true; do
    b0="$(machine_busy_ticks)"
    sleep 3
    b1="$(machine_busy_ticks)"
    busy=$(( 100 * (b1 - b0) / clk_tck / 3 / ncpu ))
    waited=$((waited + 3))
    if (( busy < pct || waited >= max )); then break; fi
  done
  echo "$1,$waited,$busy" >> "$out/quiet.csv"
  log "$1: machine ${busy} % busy before start (waited ${waited} s, limit ${max} s)"
}

# The server's CPU use with no traffic, over 5 s (timers, housekeeping threads).
idle_cpu() {
  local c0 c1
  c0="$(proc_ticks "$server_pid")"
  sleep 5
  c1="$(proc_ticks "$server_pid")"
  echo "$1,$(awk -v a="$c0" -v b="$c1" -v hz="$clk_tck" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / 5 }')" \
    >> "$out/idle.csv"
  log "$1: idle CPU $(tail -1 "$out/idle.csv" | cut -d, -f2) % of one core"
}

# An unmeasured step (JIT warm-up): same traffic, results discarded.
warmup() {
  local name="$1" phase="$2" rate="$3" seconds="$4"
  (( seconds > 0 )) || return 0 # SIPp's -m 0 would mean "no limit"
  local dir="$work/warmup-$name-$phase"
  mkdir -p "$dir"
  sipp_pids=()
  if [[ "$phase" == register ]]; then
    run_sipp "$dir" warm register.xml "$work/users-0-of-1.csv" "$client_port" "$rate" $((rate * seconds)) $((rate * 2 + 10))
  else
    run_sipp "$dir" warm0 uac.xml "$work/users-0-of-2.csv" "$client_port" $((rate / 2)) $((rate * seconds / 2)) \
      $((rate * 3 + 10)) -s callee1 -d "$call_pause_ms"
    run_sipp "$dir" warm1 uac.xml "$work/users-1-of-2.csv" $((client_port + 1)) $((rate / 2)) $((rate * seconds / 2)) \
      $((rate * 3 + 10)) -s callee2 -d "$call_pause_ms"
  fi
  local pid
  for pid in "${sipp_pids[@]}"; do wait "$pid" || true; done
  local ok=0 f
  for f in "$dir"/*.stat.csv; do ok=$((ok + $(stat_value "$f" 'SuccessfulCall(C)'))); done
  log "$name: warm-up $phase at $rate/s for ${seconds}s: $ok successful (not counted)"
}

# Registers callee1/callee2 from the UAS ports, then starts the two answering SIPps.
start_callees() {
  local name="$1" k
  local dir="$out/$name/uas"
  mkdir -p "$dir"
  for k in 1 2; do
    sipp_pids=()
    run_sipp "$dir" "register-callee$k" register.xml "$work/callee$k.csv" "${uas_ports[$((k - 1))]}" 1 1 5
    wait "${sipp_pids[0]}" || true
    [[ "$(stat_value "$dir/register-callee$k.stat.csv" 'SuccessfulCall(C)')" == 1 ]] \
      || die "$name: callee$k could not register"
  done
  uas_pids=()
  local bound=$(( (${#call_rate_list[@]} + 1) * (step_seconds + 40) + 120 ))
  for k in 1 2; do
    ( cd "$dir" && exec timeout -k 5 "$bound" sipp "127.0.0.1:$server_port" -sf "$bench/sipp/uas.xml" \
        -i 127.0.0.1 -p "${uas_ports[$((k - 1))]}" -t u1 -s "callee$k" -nostdin -buff_size "$sipp_buffer" \
        -timeout "${bound}s" -trace_stat -stf "uas$k.stat.csv" -fd 5 > /dev/null 2> "uas$k.err" ) &
    uas_pids+=($!)
  done
  sleep 1
}

stop_callees() {
  local pid
  for pid in "${uas_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  uas_pids=()
}

# ---------------------------------------------------------------- the run

read -r -a reg_rate_list <<< "$reg_rates"
read -r -a call_rate_list <<< "$call_rates"

{
  echo "date_utc=$stamp"
  echo "git=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) x $ncpu"
  echo "mem_mb=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "kamailio=$(kamailio -v | head -1)"
  echo "sipp=$(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
  echo "users=$users step_seconds=$step_seconds call_pause_ms=$call_pause_ms heap=$heap"
  echo "parley_java_opts=$parley_java_opts"
  echo "uptime_at_start=$(uptime)"
} > "$out/machine.txt"

log "building Parley if needed"
"$root/parley" --version >&2
make_users

# jcmd of the JDK that runs Parley (JAVA_HOME's, as in ./parley).
jcmd_tool="jcmd"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jcmd" ]] && jcmd_tool="$JAVA_HOME/bin/jcmd"

# record NAME COMMAND...: runs COMMAND and saves the server's JFR data of that time span.
record() {
  local recording="$1" begin end
  shift
  begin="$(date +%H:%M:%S)"
  "$@"
  end="$(date +%H:%M:%S)"
  "$jcmd_tool" "$server_pid" JFR.dump name=bench begin="$begin" end="$end" \
    filename="$out/parley-$recording.jfr" >&2
}

if [[ "$profile" == 1 ]]; then
  # A fixed load with JFR on, recorded after the warm-up; its numbers are not benchmark results.
  wait_quiet parley
  start_parley
  warmup parley register 500 60
  record register step parley register "${BENCH_PROFILE_REG_RATE:-1000}"
  start_callees parley
  warmup parley calls 100 60
  record calls step parley calls "${BENCH_PROFILE_CALL_RATE:-200}"
  stop_callees
  stop_server
  for f in "$out"/parley-*.jfr; do
    echo "## $(basename "$f")"
    echo
    "$bench/jfr-summary.sh" "$f"
    echo
  done > "$out/profile.md"
  { "$bench/summarize.sh" "$out"; echo; echo "## Profile (JFR execution samples)"; echo; cat "$out/profile.md"; } \
    | tee "$out/summary.md"
  exit 0
fi

for name in $servers; do
  log "=== $name"
  wait_quiet "$name"
  "start_$name"
  idle_cpu "$name"
  warm="${name}_warmup"
  read -r warm_reg warm_calls <<< "${!warm}"
  warmup "$name" register 500 "$warm_reg"
  for rate in "${reg_rate_list[@]}"; do
    step "$name" register "$rate"
    [[ "$step_ok" == 1 ]] || break
    sleep 2
  done
  if (( ${#call_rate_list[@]} == 0 )); then stop_server; continue; fi
  start_callees "$name"
  warmup "$name" calls 100 "$warm_calls"
  for rate in "${call_rate_list[@]}"; do
    step "$name" calls "$rate"
    [[ "$step_ok" == 1 ]] || break
    sleep 3
  done
  stop_callees
  stop_server
  sleep 3
done

"$bench/summarize.sh" "$out" | tee "$out/summary.md"
