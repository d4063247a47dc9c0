package org.parley.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.lang.ref.Cleaner;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.parley.media.codec.CodecException;

/**
 * The native objects behind one encoder or decoder: a codec context, a frame and a packet, freed
 * exactly once, by {@link #release()} or, if the owner was never closed, when it is collected.
 */
final class AvCodecResources {

  private static final Cleaner CLEANER = Cleaner.create();

  final AVCodecContext context;
  final AVFrame frame;
  final AVPacket packet;
  private final Cleaner.Cleanable cleanable;

  AvCodecResources(Object owner, AVCodec codec) {
    FfmpegLog.install();
    Natives natives =
        new Natives(avcodec_alloc_context3(codec), av_frame_alloc(), av_packet_alloc());
    this.context = natives.context;
    this.frame = natives.frame;
    this.packet = natives.packet;
    // The cleaning action must not reach the owner, or the owner would never become unreachable.
    this.cleanable = CLEANER.register(owner, natives);
  }

  void release() {
    cleanable.clean();
  }

  private static final class Natives implements Runnable {
    final AVCodecContext context;
    final AVFrame frame;
    final AVPacket packet;

    Natives(AVCodecContext context, AVFrame frame, AVPacket packet) {
      this.context = context;
      this.frame = frame;
      this.packet = packet;
      if (context == null || frame == null || packet == null) {
        run();
        throw new CodecException("FFmpeg could not allocate a codec context");
      }
    }

    @Override
    public void run() {
      if (packet != null) {
        av_packet_free(packet);
      }
      if (frame != null) {
        av_frame_free(frame);
      }
      if (context != null) {
        avcodec_free_context(context);
      }
    }
  }
}
