package org.parley.media.opus;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few functions of libopus's decoder API (opus.h, libopus 1.x) that Parley calls, bound by JNA.
 *
 * <p>Buffers are passed as native {@link Pointer}s the decoder allocated once, so a call copies no
 * Java array and a payload can start anywhere in its array.
 */
interface LibopusApi extends Library {

  /** {@code OpusDecoder *opus_decoder_create(opus_int32 Fs, int channels, int *error)}. */
  Pointer opus_decoder_create(int sampleRateHz, int channels, IntByReference error);

  /**
   * {@code int opus_decode(OpusDecoder *st, const unsigned char *data, opus_int32 len, opus_int16
   * *pcm, int frame_size, int decode_fec)}: samples per channel decoded, or a negative error code.
   */
  int opus_decode(
      Pointer decoder,
      Pointer data,
      int length,
      Pointer pcm,
      int frameSamplesPerChannel,
      int decodeFec);

  /** {@code void opus_decoder_destroy(OpusDecoder *st)}. */
  void opus_decoder_destroy(Pointer decoder);

  /** {@code const char *opus_get_version_string(void)}, e.g. "libopus 1.3.1". */
  String opus_get_version_string();
}
