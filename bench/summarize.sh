#!/usr/bin/env bash
# Prints the Markdown summary of one benchmark run: bench/summarize.sh bench/results/<timestamp>
set -euo pipefail

dir="${1:?usage: bench/summarize.sh bench/results/<timestamp>}"
csv="$dir/steps.csv"
[[ -s "$csv" ]] || { echo "summarize.sh: no $csv" >&2; exit 1; }

echo "# Benchmark run $(basename "$dir")"
echo
if [[ -s "$dir/machine.txt" ]]; then
  echo '```'
  cat "$dir/machine.txt"
  echo '```'
  echo
fi

if [[ -s "$dir/idle.csv" ]]; then
  echo "Server CPU with no traffic (5 s before the warm-up): $(awk -F, 'NR > 1 { printf "%s%s %s %% of one core", sep, $1, $2; sep = ", " }' "$dir/idle.csv")."
  echo
fi

if [[ -s "$dir/quiet.csv" ]]; then
  echo "Machine busy before each server started: $(awk -F, 'NR > 1 { printf "%s%s %s %% (after waiting %s s)", sep, $1, $3, $2; sep = ", " }' "$dir/quiet.csv")."
  echo
fi

echo "## Steps"
echo
echo "| server | phase | target/s | SIPps | attempted | ok | failed % | retrans | achieved/s | server CPU s | CPU µs/op | of it JIT s | SIPp CPU s | other CPU % | steal % | load1 before→after | UDP drops | verdict |"
echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|"
awk -F, 'NR > 1 {
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s→%s | %s | %s |\n",
    $1, $2, $3, $4, $5, $6, $8, $9, $11, $12, $13, $14, $15, $16, $17, $18, $19, ($21 == "" ? "n/a" : $21), $20 }' "$csv"
echo
echo "\"op\" is one registration (REGISTER, 401, REGISTER with credentials, 200) or one call"
echo "(INVITE, 407, ACK, INVITE with credentials, 100, 180, 200, ACK, BYE, 200 through the proxy)."
echo "\"other CPU %\" is the machine's busy time not used by the server or SIPp, as a share of"
echo "all cores: load from outside the benchmark. \"steal %\" is the hypervisor steal time as a share"
echo "of all cores (a rough figure on this VM). \"of it JIT\" is the part of the server CPU spent"
echo "by the JVM's JIT compiler threads (Parley only; it should be near 0 after the warm-up)."
echo "\"UDP drops\" counts datagrams the kernel dropped on full socket receive buffers during the"
echo "step (whole machine: the server's, SIPp's, or anyone else's socket)."
echo

echo "## Parley / Kamailio"
echo
awk -F, '
  NR > 1 && $20 == "ok" {
    key = $1 SUBSEP $2
    if (!(key in best) || $11 + 0 > best[key]) { best[key] = $11 + 0; bestus[key] = $13 + 0; bestrate[key] = $3 }
    us[$1, $2, $3] = $13 + 0
    usx[$1, $2, $3] = $6 > 0 ? 1e6 * ($12 - $14) / $6 : 0
    rates[$2, $3] = 1
  }
  NR > 1 { other[$1] += $16; steal[$1] += $17; n[$1]++; if ($18 + 0 > maxload) maxload = $18 + 0; if ($19 + 0 > maxload) maxload = $19 + 0 }
  END {
    print "| phase | Parley max sustained /s | Kamailio max sustained /s | ratio | Parley CPU µs/op | Kamailio CPU µs/op | ratio (same rate) | ratio without JIT |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|"
    split("register calls", phases, " ")
    for (i = 1; i <= 2; i++) {
      ph = phases[i]
      p = ("parley" SUBSEP ph) in best ? best["parley", ph] : 0
      k = ("kamailio" SUBSEP ph) in best ? best["kamailio", ph] : 0
      # CPU per op compared at the highest target rate both sustained.
      common = 0
      for (r in rates) {
        split(r, rr, SUBSEP)
        if (rr[1] == ph && (("parley", ph, rr[2]) in us) && (("kamailio", ph, rr[2]) in us) && rr[2] + 0 > common) common = rr[2] + 0
      }
      pus = common ? us["parley", ph, common] : 0
      kus = common ? us["kamailio", ph, common] : 0
      pusx = common ? usx["parley", ph, common] : 0
      kusx = common ? usx["kamailio", ph, common] : 0
      printf "| %s | %.0f | %.0f | %s | %s | %s | %s | %s |\n", ph, p, k,
        (k > 0 ? sprintf("%.2f", p / k) : "n/a"),
        (common ? sprintf("%.0f (at %d/s)", pus, common) : "n/a"),
        (common ? sprintf("%.0f (at %d/s)", kus, common) : "n/a"),
        (kus > 0 ? sprintf("%.2f", pus / kus) : "n/a"),
        (kusx > 0 ? sprintf("%.2f", pusx / kusx) : "n/a")
    }
    print ""
    for (s in n) printf "During the %s steps other work used %.0f %% of the machine on average (steal %.0f %%). ", s, other[s] / n[s], steal[s] / n[s]
    printf "Highest 1-minute load average seen: %.2f.\n", maxload
  }' "$csv"
echo
echo "Max sustained = highest achieved rate of a step with <= 0.1 % failed calls and >= 90 % of its"
echo "target rate. A server that passed every step is limited by the steps (or by SIPp), not by itself."
