#!/usr/bin/env python3
"""summary.md for one bench/mouth-to-ear.sh results folder: one row per codec, Parley beside
baresip, the median one-way delay over all matched clicks of all runs, p10-p90, and the ratio."""
import json
import pathlib
import re
import sys

import numpy as np


def main(folder):
    folder = pathlib.Path(folder)
    delays, lost = {}, {}
    for path in sorted(folder.glob("*-*-*.json")):
        match = re.fullmatch(r"(\w+)-(\w+)-(\d+)\.json", path.name)
        if not match:
            continue
        key = (match[1], match[2])
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
    print("One-way delay in ms: median (p10-p90) of all clicks, 0 ms network jitter.\n")
    print("| codec | Parley | baresip | Parley / baresip | goal <= 60 ms |")
    print("|---|---|---|---|---|")
    for codec in sorted({c for _, c in delays} | {c for _, c in lost}):
        parley, p = cell(("parley", codec))
        baresip, b = cell(("baresip", codec))
        ratio = f"{p / b:.2f}" if p is not None and b else "n/a"
        goal = "n/a" if p is None else ("met" if p <= 60 else "not met")
        print(f"| {codec} | {parley} | {baresip} | {ratio} | {goal} |")
    mixed = sorted({k for k in delays if k[0] not in ("parley", "baresip")})
    if mixed:
        print("\nMixed pairs (caller's microphone to callee's speaker) and the bare javax.sound")
        print("device loop (javasound: no codec, no network), same measure:\n")
        print("| pair | codec | one-way delay ms |")
        print("|---|---|---|")
        for key in mixed:
            codec = "none" if key[0] == "javasound" else key[1]
            print(f"| {key[0].replace('2', ' to ')} | {codec} | {cell(key)[0]} |")


if __name__ == "__main__":
    main(sys.argv[1])
