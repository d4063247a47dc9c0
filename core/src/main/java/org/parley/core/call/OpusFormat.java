package org.parley.core.call;

import java.util.OptionalInt;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.OpusNegotiation;
import org.parley.media.codec.OpusParameters;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.sdp.MediaDescription;

/**
 * Opus's format parameters in our offers and answers (RFC 7587 §6.1, §7): what we advertise, and
 * the encoder a peer's {@code a=fmtp} asks for. Other codecs pass unchanged.
 */
final class OpusFormat {

  /**
   * The device side runs at Opus's own rate: the media engine resamples, so we can render and
   * capture full band whatever the devices do.
   */
  private static final int DEVICE_RATE_HZ = OpusCodec.RATE_HZ;

  private OpusFormat() {}

  /** Our fmtp parameters for {@code codec}, or empty when it has none to say. */
  static String local(AudioCodec codec) {
    if (codec instanceof OpusCodec opus) {
      return opus.localParameters(DEVICE_RATE_HZ, DEVICE_RATE_HZ).format();
    }
    return "";
  }

  /**
   * The codec to send with towards a peer whose medium chose {@code payloadType}: for Opus, an
   * encoder within the peer's fmtp (bitrate, FEC, DTX, CBR, stereo, playback rate). The frame stays
   * our packet time: the stream packetises every 20 ms, and a peer's ptime is a preference.
   */
  static AudioCodec towards(AudioCodec codec, MediaDescription peer, int payloadType) {
    if (!(codec instanceof OpusCodec opus)) {
      return codec;
    }
    OpusParameters asked =
        peer.fmtp(payloadType).map(OpusParameters::parse).orElse(OpusParameters.DEFAULTS);
    OpusEncoderSettings local = opus.settings();
    return new OpusCodec(
        OpusNegotiation.encoderSettings(local, asked, OptionalInt.empty())
            .withFrameMillis(local.frameMillis()));
  }
}
