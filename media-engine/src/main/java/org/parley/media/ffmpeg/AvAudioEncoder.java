package org.parley.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.ShortPointer;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.CodecException;

/**
 * One libavcodec audio encoder taking interleaved 16-bit PCM frames of a fixed size and giving one
 * packet per frame. Not thread-safe: one instance serves one stream.
 */
final class AvAudioEncoder implements AudioEncoder, AutoCloseable {

  /** What to open: the codec by FFmpeg name and the context fields our codecs set. */
  record Settings(
      String codecName,
      int sampleRateHz,
      int channels,
      long bitRateBps,
      int frameSamplesPerChannel,
      int compressionLevel,
      int cutoffHz,
      Map<String, String> privateOptions) {}

  private final AvCodecResources natives;
  private final int channels;
  private final int frameSamplesPerChannel;
  private long nextPts;
  private boolean closed;

  AvAudioEncoder(Settings settings) {
    AVCodec codec = avcodec_find_encoder_by_name(settings.codecName());
    if (codec == null) {
      throw new CodecException("FFmpeg has no encoder named " + settings.codecName());
    }
    natives = new AvCodecResources(this, codec);
    try {
      AVCodecContext context = natives.context;
      context.sample_rate(settings.sampleRateHz());
      context.sample_fmt(AV_SAMPLE_FMT_S16);
      av_channel_layout_default(context.ch_layout(), settings.channels());
      context.time_base(av_make_q(1, settings.sampleRateHz()));
      context.bit_rate(settings.bitRateBps());
      context.frame_size(settings.frameSamplesPerChannel());
      if (settings.compressionLevel() >= 0) {
        context.compression_level(settings.compressionLevel());
      }
      context.cutoff(settings.cutoffHz());
      for (Map.Entry<String, String> option : settings.privateOptions().entrySet()) {
        AvErrors.check(
            av_opt_set(context.priv_data(), option.getKey(), option.getValue(), 0),
            "Setting " + settings.codecName() + " option " + option.getKey());
      }
      AvErrors.check(
          avcodec_open2(context, codec, (AVDictionary) null), "Opening " + settings.codecName());
      if (context.frame_size() != settings.frameSamplesPerChannel()) {
        throw new CodecException(
            settings.codecName()
                + " chose "
                + context.frame_size()
                + " samples per frame instead of "
                + settings.frameSamplesPerChannel());
      }
      AVFrame frame = natives.frame;
      frame.nb_samples(settings.frameSamplesPerChannel());
      frame.format(AV_SAMPLE_FMT_S16);
      frame.sample_rate(settings.sampleRateHz());
      AvErrors.check(av_channel_layout_copy(frame.ch_layout(), context.ch_layout()), "Layout");
      AvErrors.check(av_frame_get_buffer(frame, 0), "Allocating a frame");
    } catch (CodecException e) {
      natives.release();
      throw e;
    }
    this.channels = settings.channels();
    this.frameSamplesPerChannel = settings.frameSamplesPerChannel();
  }

  /** Samples per channel in every frame {@link #encode} takes. */
  int frameSamplesPerChannel() {
    return frameSamplesPerChannel;
  }

  /** The encoder's look-ahead in samples per channel (Opus pre-skip), 0 for most codecs. */
  int initialPaddingSamples() {
    ensureOpen();
    return natives.context.initial_padding();
  }

  /**
   * Encodes exactly one frame of interleaved samples.
   *
   * @return the packet length written to {@code payload}, 0 if the encoder held the frame back
   */
  @Override
  public int encode(short[] pcm, int offset, int sampleCount, byte[] payload) {
    ensureOpen();
    if (sampleCount != frameSamplesPerChannel * channels) {
      throw new IllegalArgumentException(
          "Frames must hold "
              + frameSamplesPerChannel * channels
              + " interleaved samples, not "
              + sampleCount);
    }
    AVFrame frame = natives.frame;
    AvErrors.check(av_frame_make_writable(frame), "Making a frame writable");
    new ShortPointer(frame.data(0)).put(pcm, offset, sampleCount);
    frame.pts(nextPts);
    nextPts += frameSamplesPerChannel;
    AvErrors.check(avcodec_send_frame(natives.context, frame), "Encoding");
    int written = 0;
    AVPacket packet = natives.packet;
    while (true) {
      int result = avcodec_receive_packet(natives.context, packet);
      if (result == AVERROR_EAGAIN()) {
        return written;
      }
      AvErrors.check(result, "Receiving an encoded packet");
      try {
        int size = packet.size();
        if (written + size > payload.length) {
          throw new CodecException(
              "Encoded packet of " + size + " bytes does not fit in " + payload.length);
        }
        packet.data().get(payload, written, size);
        written += size;
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Encoder is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    natives.release();
  }
}
