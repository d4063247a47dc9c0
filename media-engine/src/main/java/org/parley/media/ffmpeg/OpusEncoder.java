package org.parley.media.ffmpeg;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.OpusEncoderSettings;

/**
 * Opus encoder (libopus through FFmpeg, application {@code voip}) taking frames of exactly {@link
 * OpusEncoderSettings#frameMillis()} of 48 kHz PCM, interleaved when stereo.
 *
 * <p>DTX: FFmpeg 8.0's libopus wrapper has no option for libopus's own DTX ({@code OPUS_SET_DTX}),
 * so {@link DtxGate} decides here. During silence each frame is still encoded, to keep the
 * encoder's state continuous, but only its table-of-contents byte is returned (a 1-byte payload,
 * which {@link org.parley.media.codec.OpusToc#isDtx} recognises and a decoder conceals), with a
 * full packet every 400 ms as libopus's DTX does.
 */
public final class OpusEncoder implements AudioEncoder, AutoCloseable {

  private final AvAudioEncoder encoder;
  private final DtxGate dtxGate;

  OpusEncoder(OpusEncoderSettings settings) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("application", "voip");
    options.put("frame_duration", Integer.toString(settings.frameMillis()));
    options.put("fec", settings.inbandFec() ? "1" : "0");
    options.put("packet_loss", Integer.toString(settings.expectedLossPercent()));
    options.put("vbr", settings.cbr() ? "off" : "on");
    encoder =
        new AvAudioEncoder(
            new AvAudioEncoder.Settings(
                "libopus",
                OpusCodec.RATE_HZ,
                settings.channels(),
                settings.bitrateBps(),
                settings.frameSamplesPerChannel(),
                settings.complexity(),
                cutoffHz(settings.maxPlaybackRateHz()),
                options));
    dtxGate = settings.dtx() ? new DtxGate(settings.frameMillis()) : null;
  }

  /**
   * Audio bandwidth libopus may code for a receiver playing at {@code playbackRateHz}: half the
   * rate, rounded down to one of Opus's bandwidths (FFmpeg's {@code cutoff} values).
   */
  static int cutoffHz(int playbackRateHz) {
    if (playbackRateHz <= 8_000) {
      return 4_000;
    }
    if (playbackRateHz <= 12_000) {
      return 6_000;
    }
    if (playbackRateHz <= 16_000) {
      return 8_000;
    }
    return playbackRateHz <= 24_000 ? 12_000 : 20_000;
  }

  /** Samples per channel libopus looks ahead; a decoder's output lags the input by this much. */
  public int lookaheadSamples() {
    return encoder.initialPaddingSamples();
  }

  @Override
  public int encode(short[] pcm, int offset, int sampleCount, byte[] payload) {
    boolean send = dtxGate == null || dtxGate.shouldSend(pcm, offset, sampleCount);
    int length = encoder.encode(pcm, offset, sampleCount, payload);
    if (send || length <= 1) {
      return length;
    }
    // Keep the configuration, make it frame-count code 0: one frame, here of zero bytes.
    payload[0] = (byte) (payload[0] & 0xFC);
    return 1;
  }

  @Override
  public void close() {
    encoder.close();
  }
}
