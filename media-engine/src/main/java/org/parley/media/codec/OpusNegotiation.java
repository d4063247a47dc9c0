package org.parley.media.codec;

import java.util.OptionalInt;

/**
 * Opus offer/answer rules of RFC 7587 §7: the fmtp we advertise, and how we encode once the peer
 * has said what it can receive.
 */
public final class OpusNegotiation {

  private OpusNegotiation() {}

  /**
   * The fmtp parameters describing what we want to receive and are likely to send.
   *
   * @param local how our encoder would run unconstrained
   * @param playbackRateHz the rate our output device plays at
   * @param captureRateHz the rate our input device captures at
   * @param decoderUsesFec whether our decoder can recover losses from in-band FEC; advertising
   *     {@code useinbandfec=1} without it would only make the peer spend bits we throw away
   */
  public static OpusParameters localParameters(
      OpusEncoderSettings local, int playbackRateHz, int captureRateHz, boolean decoderUsesFec) {
    return new OpusParameters(
        Math.min(48_000, Math.max(8_000, playbackRateHz)),
        Math.min(local.maxPlaybackRateHz(), Math.max(8_000, captureRateHz)),
        OptionalInt.empty(),
        false,
        local.channels() == 2,
        false,
        decoderUsesFec,
        local.dtx(),
        OptionalInt.of(10));
  }

  /**
   * How we encode towards a peer, given what its fmtp asked and its {@code a=ptime} if any: never
   * above its maximum bitrate or playback rate, stereo only if it prefers stereo, CBR if it asks,
   * FEC and DTX only if it uses them and we allow them, and the packet duration nearest its ptime
   * (not below its minptime).
   */
  public static OpusEncoderSettings encoderSettings(
      OpusEncoderSettings local, OpusParameters remote, OptionalInt remotePtimeMillis) {
    int bitrate = local.bitrateBps();
    if (remote.maxAverageBitrateBps().isPresent()) {
      bitrate = Math.min(bitrate, remote.maxAverageBitrateBps().getAsInt());
    }
    return new OpusEncoderSettings(
        bitrate,
        local.complexity(),
        frameMillis(local.frameMillis(), remotePtimeMillis, remote.minPtimeMillis()),
        local.inbandFec() && remote.useInbandFec(),
        local.expectedLossPercent(),
        local.dtx() && remote.useDtx(),
        local.cbr() || remote.cbr(),
        remote.stereo() ? local.channels() : 1,
        Math.min(local.maxPlaybackRateHz(), remote.maxPlaybackRateHz()));
  }

  /** The largest allowed duration not above ptime, raised to the smallest not below minptime. */
  static int frameMillis(int localMillis, OptionalInt ptimeMillis, OptionalInt minPtimeMillis) {
    int chosen = localMillis;
    if (ptimeMillis.isPresent()) {
      chosen = 10;
      for (int candidate : new int[] {10, 20, 40, 60}) {
        if (candidate <= ptimeMillis.getAsInt()) {
          chosen = candidate;
        }
      }
    }
    if (minPtimeMillis.isPresent() && chosen < minPtimeMillis.getAsInt()) {
      chosen = 60;
      for (int candidate : new int[] {60, 40, 20, 10}) {
        if (candidate >= minPtimeMillis.getAsInt()) {
          chosen = candidate;
        }
      }
    }
    return chosen;
  }
}
