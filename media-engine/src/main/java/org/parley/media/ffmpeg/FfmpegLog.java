package org.parley.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's own log lines to SLF4J instead of stderr.
 *
 * <p>Errors are logged at DEBUG: every FFmpeg error we act on is also turned into a {@link
 * org.parley.media.codec.CodecException} and logged once, where it is handled.
 */
final class FfmpegLog extends LogCallback {

  private static final Logger LOG = LoggerFactory.getLogger("org.parley.media.ffmpeg.native");

  /** Held for the life of the JVM: FFmpeg keeps only the native pointer to the callback. */
  private static FfmpegLog installed;

  private FfmpegLog() {}

  /** Installs the bridge once; later calls do nothing. */
  static synchronized void install() {
    if (installed == null) {
      installed = new FfmpegLog();
      av_log_set_level(AV_LOG_INFO);
      setLogCallback(installed);
    }
  }

  @Override
  public void call(int level, BytePointer message) {
    String text = message.getString().strip();
    if (text.isEmpty()) {
      return;
    }
    if (level <= AV_LOG_ERROR) {
      LOG.debug("{}", text);
    } else if (level <= AV_LOG_WARNING) {
      LOG.debug("warning: {}", text);
    } else {
      LOG.trace("{}", text);
    }
  }
}
