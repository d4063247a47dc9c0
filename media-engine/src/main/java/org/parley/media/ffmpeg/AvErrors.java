package org.parley.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.parley.media.codec.CodecException;

/** Turns FFmpeg's negative return codes into {@link CodecException}s with FFmpeg's own words. */
final class AvErrors {

  private AvErrors() {}

  /** Returns {@code result} when it is not an error, otherwise throws. */
  static int check(int result, String action) {
    if (result < 0) {
      throw new CodecException(action + " failed: " + describe(result) + " (" + result + ")");
    }
    return result;
  }

  static String describe(int errorCode) {
    byte[] buffer = new byte[128];
    if (av_strerror(errorCode, buffer, buffer.length) < 0) {
      return "unknown FFmpeg error";
    }
    int length = 0;
    while (length < buffer.length && buffer[length] != 0) {
      length++;
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }
}
