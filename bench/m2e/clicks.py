#!/usr/bin/env python3
"""Click train for bench/mouth-to-ear.sh and the one-way delay it measures.

  clicks.py make OUT.wav [--clicks N] [--spacing-ms MS] [--lead-ms MS]
      stereo 48 kHz 16-bit: left = N tone bursts MS apart after a silent lead, right = silence
  clicks.py measure IN.wav
      IN.wav is one stereo recording of the measuring sink's monitor: left = what A's
      microphone hears (the probe), right = what B's speaker plays. Prints one JSON line.

A click is a 20 ms Hann-windowed tone burst, not an impulse: G.711 and Opus both pass a
voice-band tone, while an impulse is smeared by Opus and the resamplers. Click i has its own
frequency (500 + 250 i Hz, beyond the burst's 100 Hz main lobe from its neighbours), so a
delay longer than the spacing still matches the right click. Each burst found on the left is
located on the right by normalised cross-correlation within the next --window-ms; bursts
whose best match is weaker than --min-corr are counted as lost.
"""
import argparse
import json
import sys
import wave

import numpy as np

RATE_HZ = 48_000
BURST_MS = 20
FIRST_TONE_HZ = 500
TONE_STEP_HZ = 250


def burst(index):
    n = RATE_HZ * BURST_MS // 1000
    t = np.arange(n) / RATE_HZ
    return np.sin(2 * np.pi * (FIRST_TONE_HZ + TONE_STEP_HZ * index) * t) * np.hanning(n)


def make(args):
    spacing = RATE_HZ * args.spacing_ms // 1000
    lead = RATE_HZ * args.lead_ms // 1000
    total = lead + spacing * args.clicks + RATE_HZ  # a second of tail for the last click
    left = np.zeros(total)
    if FIRST_TONE_HZ + TONE_STEP_HZ * (args.clicks - 1) > 3_000:
        raise SystemExit("at most 11 clicks: later tones would leave G.711's band")
    for i in range(args.clicks):
        b = burst(i) * 0.5
        start = lead + i * spacing
        left[start:start + len(b)] = b
    stereo = np.stack([left, np.zeros(total)], axis=1)
    pcm = np.round(stereo * 32767).astype("<i2")
    with wave.open(args.out, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE_HZ)
        w.writeframes(pcm.tobytes())


def read_stereo(path):
    with wave.open(path, "rb") as w:
        if w.getnchannels() != 2 or w.getsampwidth() != 2:
            raise SystemExit(f"{path}: want 16-bit stereo, got {w.getnchannels()} ch")
        rate = w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(float)
    data = data.reshape(-1, 2)
    return rate, data[:, 0], data[:, 1]


def onsets(signal, rate, min_gap_ms):
    """Sample indices where the envelope first rises above half its peak, at most one per gap."""
    envelope = np.abs(signal)
    if envelope.max() <= 0:
        return []
    above = np.flatnonzero(envelope > 0.5 * envelope.max())
    found, gap = [], rate * min_gap_ms // 1000
    for index in above:
        if not found or index - found[-1] > gap:
            found.append(int(index))
    return found


def measure(args):
    rate, mic, speaker = read_stereo(args.recording)
    pre = rate * 10 // 1000
    length = rate * (BURST_MS + 20) // 1000
    window = rate * args.window_ms // 1000
    delays_ms, lost = [], 0
    for onset in onsets(mic, rate, args.min_gap_ms):
        ref = mic[max(0, onset - pre):onset - pre + length]
        start = max(0, onset - pre)
        seg = speaker[start:start + window + len(ref)]
        if len(seg) < len(ref) + 1:
            lost += 1
            continue
        corr = np.correlate(seg, ref, mode="valid")
        energy = np.sqrt(np.convolve(seg ** 2, np.ones(len(ref)), mode="valid")) * np.linalg.norm(ref)
        norm = np.divide(corr, energy, out=np.zeros_like(corr), where=energy > 0)
        best = int(np.argmax(norm))
        if norm[best] < args.min_corr:
            lost += 1
            continue
        delays_ms.append(best * 1000.0 / rate)
    result = {"clicks": len(delays_ms) + lost, "matched": len(delays_ms), "lost": lost}
    if delays_ms:
        d = np.array(delays_ms)
        result.update(
            median_ms=round(float(np.median(d)), 1),
            min_ms=round(float(d.min()), 1),
            max_ms=round(float(d.max()), 1),
            p10_ms=round(float(np.percentile(d, 10)), 1),
            p90_ms=round(float(np.percentile(d, 90)), 1),
            delays_ms=[round(x, 1) for x in delays_ms],
        )
    print(json.dumps(result))
    return 0 if delays_ms else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("out")
    m.add_argument("--clicks", type=int, default=10)
    m.add_argument("--spacing-ms", type=int, default=1000)
    m.add_argument("--lead-ms", type=int, default=500)
    s = sub.add_parser("measure")
    s.add_argument("recording")
    s.add_argument("--window-ms", type=int, default=4000)
    s.add_argument("--min-gap-ms", type=int, default=500)
    s.add_argument("--min-corr", type=float, default=0.5)
    args = parser.parse_args()
    return make(args) if args.command == "make" else measure(args)


if __name__ == "__main__":
    sys.exit(main())
