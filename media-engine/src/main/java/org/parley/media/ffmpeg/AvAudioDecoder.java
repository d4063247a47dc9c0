package org.parley.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.ShortPointer;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.CodecException;

/**
 * One libavcodec audio decoder giving interleaved 16-bit PCM. Not thread-safe: one instance serves
 * one stream.
 */
final class AvAudioDecoder implements AudioDecoder, AutoCloseable {

  private final AvCodecResources natives;
  private final String codecName;
  private final int channels;
  private boolean closed;

  AvAudioDecoder(String codecName, int sampleRateHz, int channels) {
    AVCodec codec = avcodec_find_decoder_by_name(codecName);
    if (codec == null) {
      throw new CodecException("FFmpeg has no decoder named " + codecName);
    }
    natives = new AvCodecResources(this, codec);
    try {
      AVCodecContext context = natives.context;
      context.sample_rate(sampleRateHz);
      av_channel_layout_default(context.ch_layout(), channels);
      context.request_sample_fmt(AV_SAMPLE_FMT_S16);
      AvErrors.check(avcodec_open2(context, codec, (AVDictionary) null), "Opening " + codecName);
      if (context.sample_fmt() != AV_SAMPLE_FMT_S16
          || context.ch_layout().nb_channels() != channels) {
        throw new CodecException(codecName + " does not give packed 16-bit PCM here");
      }
    } catch (CodecException e) {
      natives.release();
      throw e;
    }
    this.codecName = codecName;
    this.channels = channels;
  }

  /**
   * Decodes one packet.
   *
   * @return the number of interleaved samples written to {@code pcm}
   * @throws CodecException if the codec rejects the packet or {@code pcm} is too small
   */
  @Override
  public int decode(byte[] payload, int offset, int length, short[] pcm) {
    if (closed) {
      throw new IllegalStateException("Decoder is closed");
    }
    if (length <= 0) {
      throw new CodecException("Empty " + codecName + " payload");
    }
    AVPacket packet = natives.packet;
    AvErrors.check(av_new_packet(packet, length), "Allocating a packet");
    int sent;
    try {
      packet.data().put(payload, offset, length);
      sent = avcodec_send_packet(natives.context, packet);
    } finally {
      av_packet_unref(packet);
    }
    AvErrors.check(sent, "Decoding a " + length + "-byte " + codecName + " payload");
    int written = 0;
    AVFrame frame = natives.frame;
    while (true) {
      int result = avcodec_receive_frame(natives.context, frame);
      if (result == AVERROR_EAGAIN()) {
        return written;
      }
      AvErrors.check(result, "Decoding a " + length + "-byte " + codecName + " payload");
      try {
        int count = frame.nb_samples() * channels;
        if (written + count > pcm.length) {
          throw new CodecException(
              codecName + " decoded " + count + " samples, more than the buffer holds");
        }
        new ShortPointer(frame.data(0)).get(pcm, written, count);
        written += count;
      } finally {
        av_frame_unref(frame);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    natives.release();
  }
}
