#!/usr/bin/env python3
"""summary.md for one bench/mouth-to-ear.sh results folder: one row per codec and network jitter,
Parley beside baresip, the median one-way delay over all matched clicks of all runs, p10-p90,
and the ratio; then what the jitter shim did to the RTP of those calls."""
import json
import pathlib
import re
import sys

import numpy as np


def main(folder):
    folder = pathlib.Path(folder)
    delays, lost = {}, {}
    for path in sorted(folder.glob("*-*-*.json")):
        # pair-codec-run (no shim) or pair-codec-jJ-run (through the jitter shim at J ms)
        match = re.fullmatch(r"(\w+)-(\w+)(?:-j(\d+))?-(\d+)\.json", path.name)
        if not match:
            continue
        key = (match[1], match[2], match[3] or "none")
        result = json.loads(path.read_text() or "{}")
        delays.setdefault(key, []).extend(result.get("delays_ms", []))
        lost[key] = lost.get(key, 0) + result.get("lost", 0)

    def cell(key):
        d = delays.get(key)
        if not d:
            return "n/a", None
        median = float(np.median(d))
        text = (
            f"{median:.1f} ({np.percentile(d, 10):.1f}-{np.percentile(d, 90):.1f}),"
            f" {len(d)} clicks, {lost.get(key, 0)} lost"
        )
        return text, median

    print(f"# Mouth-to-ear delay, {folder.name}\n")
    machine = folder / "machine.txt"
    if machine.exists():
        print("```\n" + machine.read_text().strip() + "\n```\n")
    print("One-way delay in ms: median (p10-p90) of all clicks. Jitter: none = no shim;")
    print("J = through bench/m2e/jitter_shim.py, each packet held U(0, 2J) ms.\n")
    print("| codec | jitter ms | Parley | baresip | Parley / baresip | goal <= 60 ms |")
    print("|---|---|---|---|---|---|")
    cells = sorted({(c, j) for p, c, j in list(delays) + list(lost) if p in ("parley", "baresip")})
    for codec, jitter in sorted(cells, key=lambda k: (k[0], jitter_order(k[1]))):
        parley, p = cell(("parley", codec, jitter))
        baresip, b = cell(("baresip", codec, jitter))
        ratio = f"{p / b:.2f}" if p is not None and b else "n/a"
        goal = "n/a" if p is None else ("met" if p <= 60 else "not met")
        print(f"| {codec} | {jitter} | {parley} | {baresip} | {ratio} | {goal} |")
    shim_table(folder)
    mixed = sorted({k for k in delays if k[0] not in ("parley", "baresip")})
    if mixed:
        print("\nMixed pairs (caller's microphone to callee's speaker) and the bare javax.sound")
        print("device loop (javasound: no codec, no network), same measure:\n")
        print("| pair | codec | one-way delay ms |")
        print("|---|---|---|")
        for key in mixed:
            codec = "none" if key[0] == "javasound" else key[1]
            print(f"| {key[0].replace('2', ' to ')} | {codec} | {cell(key)[0]} |")


def jitter_order(jitter):
    return -1 if jitter == "none" else int(jitter)


def shim_table(folder):
    """Per pair, codec and jitter: what the shim did to the RTP, both directions pooled."""
    rows = {}
    for path in sorted(folder.glob("*-shim.json")):
        match = re.fullmatch(r"(\w+)-(\w+)-j(\d+)-\d+-shim\.json", path.name)
        if not match or not path.read_text().strip():
            continue
        for call in json.loads(path.read_text())["calls"].values():
            for direction in call.values():
                row = rows.setdefault((match[1], match[2], int(match[3])), [])
                row.append(direction)
    if not rows:
        return
    print("\nWhat the shim did to the RTP (both directions, all calls): mean hold, packets")
    print("reordered, and the RFC 3550 interarrival jitter it added (mean of the estimator,")
    print("from the shim's own receive and send times):\n")
    print("Parley's caller reports the jitter its own receiver measured and its jitter buffer's")
    print("mean delay (`--stats` jitterMs, jitterBufferMs); the callee's jitter buffer is the")
    print("measured direction's (A's microphone to B's speaker).\n")
    print("| pair | codec | jitter ms | packets | mean hold ms | reordered | RFC 3550 jitter ms"
          " | Parley caller's jitterMs | Parley caller's jitterBufferMs"
          " | Parley callee's jitterMs | Parley callee's jitterBufferMs |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (pair, codec, jitter), directions in sorted(rows.items()):
        packets = sum(d["packets"] for d in directions)
        reported = caller_stat(folder, f"{pair}-{codec}-j{jitter}", "jitterMs")
        buffered = caller_stat(folder, f"{pair}-{codec}-j{jitter}", "jitterBufferMs")
        callee = " | ".join(
            caller_stat(folder, f"{pair}-{codec}-j{jitter}", key, "callee")
            for key in ("jitterMs", "jitterBufferMs"))
        if not packets:
            print(f"| {pair} | {codec} | {jitter} | 0 | n/a | n/a | n/a | {reported} | {buffered}"
                  f" | {callee} |")
            continue
        hold = sum(d["hold_ms"]["mean"] * d["packets"] for d in directions if d["packets"])
        reordered = sum(d["reordered"] for d in directions)
        jitters = [d["rfc3550_jitter_ms"]["mean"] for d in directions if d["rfc3550_jitter_ms"]["mean"] is not None]
        print(
            f"| {pair} | {codec} | {jitter} | {packets} | {hold / packets:.2f} |"
            f" {100 * reordered / packets:.1f} % | {np.mean(jitters):.2f} | {reported} | {buffered}"
            f" | {callee} |"
        )


def caller_stat(folder, prefix, key, suffix="stats"):
    """Mean of one `--stats` value that parley call (or, suffix "callee", parley answer) wrote
    for these calls, or n/a."""
    values = []
    for path in folder.glob(f"{prefix}-*-{suffix}.json"):
        text = path.read_text().strip()
        if text:
            values.append(json.loads(text).get(key))
    values = [v for v in values if v is not None]
    return f"{np.mean(values):.2f}" if values else "n/a"


if __name__ == "__main__":
    main(sys.argv[1])
