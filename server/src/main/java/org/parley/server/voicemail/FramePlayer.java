package org.parley.server.voicemail;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends 8 kHz clips over an RTP session as G.711, one 20 ms packet per call of {@link #tick()}.
 * Each clip starts a talkspurt (marker bit set, RFC 3551 §4.1); between clips the timestamp runs
 * on, so the receiver's timeline stays true. Not thread-safe: one ticking thread owns it.
 */
final class FramePlayer {

  static final int RATE_HZ = 8000;
  static final int PTIME_MILLIS = 20;
  static final int FRAME_SAMPLES = RATE_HZ * PTIME_MILLIS / 1000;

  private static final Logger LOG = LoggerFactory.getLogger(FramePlayer.class);

  private final RtpSession session;
  private final AudioEncoder encoder;
  private final int payloadType;
  private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
  private long timestamp = ThreadLocalRandom.current().nextLong(0x1_0000_0000L);
  private short[] clip = new short[0];
  private int offset;
  private boolean talkspurtStart;

  FramePlayer(RtpSession session, G711Codec codec, int payloadType) {
    this.session = session;
    this.encoder = codec.newEncoder();
    this.payloadType = payloadType;
  }

  /** Starts {@code pcm} from its beginning, replacing whatever was playing. */
  void play(short[] pcm) {
    clip = pcm;
    offset = 0;
    talkspurtStart = true;
  }

  /** Whether part of the clip is still to be sent. */
  boolean playing() {
    return offset < clip.length;
  }

  /** Sends the clip's next 20 ms, or lets 20 ms of silence pass (nothing sent). */
  void tick() {
    int count = Math.min(FRAME_SAMPLES, clip.length - offset);
    if (count > 0) {
      byte[] payload = new byte[count];
      encoder.encode(clip, offset, count, payload);
      RtpPacket packet =
          RtpPacket.of(payloadType, talkspurtStart, sequence, timestamp, session.ssrc(), payload);
      sequence = (sequence + 1) & 0xFFFF;
      talkspurtStart = false;
      offset += count;
      try {
        session.send(packet);
      } catch (IOException e) {
        LOG.debug("Could not send an RTP packet: {}", e.getMessage());
      }
    }
    timestamp = (timestamp + FRAME_SAMPLES) & 0xFFFF_FFFFL;
  }
}
