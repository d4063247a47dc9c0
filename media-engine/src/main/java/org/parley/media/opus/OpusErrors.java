package org.parley.media.opus;

import org.parley.media.codec.CodecException;

/** libopus's negative return codes (opus_defines.h) in words, as {@link CodecException}s. */
final class OpusErrors {

  private OpusErrors() {}

  /** Returns {@code result} when it is not an error, else throws with {@code action} and why. */
  static int check(int result, String action) {
    if (result < 0) {
      throw new CodecException(action + " failed: " + describe(result));
    }
    return result;
  }

  /** The meaning of one of libopus's error codes. */
  static String describe(int code) {
    return switch (code) {
      case -1 -> "bad argument (OPUS_BAD_ARG)";
      case -2 -> "buffer too small (OPUS_BUFFER_TOO_SMALL)";
      case -3 -> "internal error (OPUS_INTERNAL_ERROR)";
      case -4 -> "corrupted or invalid packet (OPUS_INVALID_PACKET)";
      case -5 -> "request this libopus does not support (error -5)";
      case -6 -> "invalid decoder state (OPUS_INVALID_STATE)";
      case -7 -> "out of memory (OPUS_ALLOC_FAIL)";
      default -> "unknown libopus error " + code;
    };
  }
}
