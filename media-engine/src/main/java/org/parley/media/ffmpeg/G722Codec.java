package org.parley.media.ffmpeg;

import java.util.Map;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;

/**
 * G.722 (64 kbit/s sub-band ADPCM, 16 kHz mono) through FFmpeg's {@code g722} codec.
 *
 * <p>RFC 3551 §4.5.2 keeps the RTP clock at 8,000 Hz for historical reasons although the codec
 * samples at 16,000 Hz: {@link #clockRateHz()} is 8,000 and {@link #sampleRateHz()} 16,000, so a 20
 * ms packet holds 320 samples in 160 bytes and advances the RTP timestamp by 160.
 */
public final class G722Codec implements AudioCodec {

  public static final int PAYLOAD_TYPE = 9;
  public static final int SAMPLE_RATE_HZ = 16_000;
  public static final int CLOCK_RATE_HZ = 8_000;
  private static final int BITRATE_BPS = 64_000;

  private final int ptimeMillis;

  /**
   * @param ptimeMillis duration of the frames the encoder takes, 10 to 60 ms in steps of 10
   */
  public G722Codec(int ptimeMillis) {
    if (ptimeMillis < 10 || ptimeMillis > 60 || ptimeMillis % 10 != 0) {
      throw new IllegalArgumentException("G.722 ptime must be 10..60 ms in steps of 10");
    }
    this.ptimeMillis = ptimeMillis;
  }

  /** G.722 with 20 ms frames. */
  public G722Codec() {
    this(20);
  }

  /** Samples the encoder takes per call. */
  public int frameSamples() {
    return SAMPLE_RATE_HZ / 1000 * ptimeMillis;
  }

  @Override
  public String encodingName() {
    return "G722";
  }

  @Override
  public int staticPayloadType() {
    return PAYLOAD_TYPE;
  }

  @Override
  public int clockRateHz() {
    return CLOCK_RATE_HZ;
  }

  @Override
  public int sampleRateHz() {
    return SAMPLE_RATE_HZ;
  }

  @Override
  public int channels() {
    return 1;
  }

  @Override
  public AudioEncoder newEncoder() {
    return new AvAudioEncoder(
        new AvAudioEncoder.Settings(
            "g722", SAMPLE_RATE_HZ, 1, BITRATE_BPS, frameSamples(), -1, 0, Map.of()));
  }

  @Override
  public AudioDecoder newDecoder() {
    return new AvAudioDecoder("g722", SAMPLE_RATE_HZ, 1);
  }
}
