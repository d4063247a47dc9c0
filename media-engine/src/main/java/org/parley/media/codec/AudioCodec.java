package org.parley.media.codec;

/** An audio codec as SDP names it, able to make encoders and decoders for one stream each. */
public interface AudioCodec {

  /** The encoding name of the SDP {@code rtpmap} attribute, such as {@code PCMU}. */
  String encodingName();

  /** The static RTP payload type (RFC 3551), or -1 for codecs that need a dynamic one. */
  int staticPayloadType();

  /** RTP clock rate in Hz, as written in {@code rtpmap}. */
  int clockRateHz();

  /** Rate in Hz of the PCM samples the encoder takes and the decoder gives. */
  int sampleRateHz();

  int channels();

  AudioEncoder newEncoder();

  AudioDecoder newDecoder();
}
