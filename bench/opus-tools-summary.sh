#!/usr/bin/env bash
# Summarises a bench/opus-tools.sh results folder: CPU per 20 ms frame for each side, median and
# range over the repeats, as x real time and % of one core, with the Parley / opus-tools ratio.
# Usage: bench/opus-tools-summary.sh bench/jmh/results/opus-tools-<stamp>
set -euo pipefail
python3 - "$1" <<'EOF'
import pathlib, statistics, sys

FRAME_US = 20_000
# opus-tools' figures are the 60 s file minus the 1 s file: 59 s of audio.
DIFFERENCE_FRAMES = 59 * 50

out = pathlib.Path(sys.argv[1])
runs = sorted(p for p in out.glob("run*") if (p / "parley.tsv").exists())
if not runs:
    sys.exit(f"no completed runs under {out}")

per_frame = {}  # row name -> list of µs per frame, one per run
process = {}  # Parley row name -> list of whole-JVM µs per frame
notes = []
for run in runs:
    tools = {}
    for line in (run / "opus-tools.txt").read_text().splitlines():
        name, user, system, _wall = line.split()
        tools[name] = float(user) + float(system)
    for tool, whole, short in (("opusenc", "opusenc-in", "opusenc-short"),
                               ("opusdec", "opusdec-in", "opusdec-short"),
                               ("opusdec-parley", "opusdec-parley", "opusdec-parley-short")):
        if whole in tools:
            cost = (tools[whole] - tools[short]) / DIFFERENCE_FRAMES * 1e6
            per_frame.setdefault(tool, []).append(cost)
    for line in (run / "parley.tsv").read_text().splitlines():
        fields = line.split("\t")
        if line.startswith("#"):
            if run == runs[0]:
                notes.append(line)
            continue
        frames = int(fields[1])
        per_frame.setdefault(fields[0], []).append(int(fields[2]) / frames / 1000)
        process.setdefault(fields[0], []).append(int(fields[3]) / frames / 1000)
    notes.append(f"# {run.name} load: {(run / 'uptime-before.txt').read_text().strip()}"
                 f" | after: {(run / 'uptime-after.txt').read_text().strip()}")

rows = [
    ("Encode (Parley: FFmpeg's libopus, CALL_OPUS)", "parley-encode", "opusenc"),
    ("Decode Parley's packets, system libopus (JNA)", "parley-packets-libopus", "opusdec-parley"),
    ("Decode Parley's packets, FFmpeg", "parley-packets-ffmpeg", "opusdec-parley"),
    ("Decode opusenc's packets, system libopus (JNA)", "opusenc-packets-libopus", "opusdec"),
    ("Decode opusenc's packets, FFmpeg", "opusenc-packets-ffmpeg", "opusdec"),
]

def cell(values):
    median = statistics.median(values)
    return (f"{median:.0f} µs ({min(values):.0f}–{max(values):.0f})",
            f"{FRAME_US / median:.0f}×", f"{100 * median / FRAME_US:.2f} %")

print(f"{len(runs)} runs; µs of CPU (user+sys) per 20 ms frame: median (min–max)")
print("| What | Parley per frame | x real time | % of a core | Parley JVM (all threads) "
      "| opus-tools per frame | x real time | % of a core | Parley / opus-tools |")
print("|---|---|---|---|---|---|---|---|---|")
for label, ours, theirs in rows:
    if ours not in per_frame:
        continue
    if theirs not in per_frame:  # results from before opusdec decoded Parley's packets too
        theirs = "opusdec"
    a, b = per_frame[ours], per_frame[theirs]
    ratio = statistics.median(a) / statistics.median(b)
    print(f"| {label} | {' | '.join(cell(a))} | {statistics.median(process[ours]):.0f} µs "
          f"| {theirs}: {' | '.join(cell(b))} | {ratio:.2f} |")
print("\n".join(notes))
EOF
