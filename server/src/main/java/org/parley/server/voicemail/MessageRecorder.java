package org.parley.server.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.ReceivedRtpPacket;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.media.wav.WavFileSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of one deposit: plays the greeting over RTP (G.711, 20 ms packets), then records
 * what the caller sends into a WAV file (8 kHz mono) until it is finished, or asks to be ended when
 * the caller stays silent or the message reaches its maximum length.
 */
public final class MessageRecorder implements AutoCloseable {

  /** Why the recorder asks the call to be ended. */
  public enum EndReason {
    /** The caller sent only silence (or nothing) for the silence limit. */
    SILENCE,
    /** The message reached its maximum length. */
    MAX_LENGTH
  }

  /**
   * A finished recording.
   *
   * @param file the closed WAV file
   * @param durationMillis the audio's length
   */
  public record Recording(Path file, long durationMillis) {}

  private static final Logger LOG = LoggerFactory.getLogger(MessageRecorder.class);
  private static final int RATE_HZ = FramePlayer.RATE_HZ;
  private static final int PTIME_MILLIS = FramePlayer.PTIME_MILLIS;
  private static final int FRAME_SAMPLES = FramePlayer.FRAME_SAMPLES;

  /** Frames quieter than this RMS count as silence (about -44 dBFS). */
  private static final double SILENCE_RMS = 200;

  /** At most this much trailing silence is held back (and so trimmed): 30 s. */
  private static final int MAX_PENDING_SAMPLES = RATE_HZ * 30;

  /** The longest gap (in packets) filled with concealment; longer gaps are skipped over. */
  private static final int MAX_CONCEALED_PACKETS = 50;

  /** At hang-up, packets are awaited until none came for this long (five packet times)... */
  static final long QUIET_MILLIS = 100;

  /** ...but never longer than this: a caller that keeps sending after its BYE is cut off. */
  static final long LINGER_MAX_MILLIS = 1_000;

  private final RtpSession session;
  private final int payloadType;
  private final FramePlayer player;
  private final Path file;
  private final WavFileSink sink;
  private final VoicemailSettings settings;
  private final Consumer<EndReason> onEnded;
  private final ScheduledExecutorService ticker;
  private final AudioDecoder decoder;
  private final short[] decoded = new short[FRAME_SAMPLES * 8];

  // Guarded by this.
  private boolean recording;
  private long recordStartNanos;
  private long lastSoundNanos;
  private long samplesWritten;
  private boolean anyPacket;
  private long lastPacketNanos;
  private int lastSequence = -1;
  private boolean ended;
  private boolean closed;
  private boolean failed;
  private short[] pendingSilence = new short[0];
  private int pendingSamples;

  private MessageRecorder(
      RtpSessionConfig.Builder config,
      VoicemailAnswer.Choice media,
      short[] greeting,
      Path file,
      VoicemailSettings settings,
      Consumer<EndReason> onEnded)
      throws IOException {
    this.payloadType = media.payloadType();
    G711Codec codec = media.codec();
    this.file = file;
    this.settings = settings;
    this.onEnded = onEnded;
    this.decoder = codec.newDecoder();
    this.sink = WavFileSink.create(file, RATE_HZ, 1);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("voicemail-media"));
    RtpSession opened;
    try {
      opened = RtpSession.open(config.build(), this::received);
    } catch (IOException | RuntimeException e) {
      ticker.shutdownNow();
      sink.close();
      throw e;
    }
    this.session = opened;
    this.player = new FramePlayer(opened, codec, payloadType);
    player.play(greeting.clone());
  }

  /**
   * Binds a port, starts the greeting and then the recording.
   *
   * @param local the address the SDP answer names
   * @param media the stream and codec chosen from the caller's offer
   * @param greeting the 8 kHz mono greeting, played before recording starts
   * @param file the file to record into (see {@link Mailboxes#newRecording()})
   * @param onEnded called at most once, on the recorder's thread, when the call should end
   */
  public static MessageRecorder start(
      InetAddress local,
      VoicemailAnswer.Choice media,
      short[] greeting,
      Path file,
      VoicemailSettings settings,
      Consumer<EndReason> onEnded)
      throws IOException {
    RtpSessionConfig.Builder config =
        RtpSessionConfig.builder()
            .local(local, 0)
            .remoteRtp(media.remoteRtp())
            .rtcpMux(media.rtcpMux())
            .latching(true)
            .clockRateHz(RATE_HZ);
    MessageRecorder recorder =
        new MessageRecorder(config, media, greeting, file, settings, onEnded);
    recorder.ticker.scheduleAtFixedRate(recorder::tick, 0, PTIME_MILLIS, TimeUnit.MILLISECONDS);
    return recorder;
  }

  /** The local RTP port, for the SDP answer. */
  public int rtpPort() {
    return session.localRtpAddress().getPort();
  }

  /** The local RTCP port (the RTP port when multiplexed). */
  public int rtcpPort() {
    return session.localRtcpAddress().getPort();
  }

  /**
   * Stops the media and closes the file; the recording is then complete. Blocks for up to {@link
   * #LINGER_MAX_MILLIS} while the caller's last packets are still arriving.
   */
  public Recording finish() {
    awaitLastPackets();
    close(); // not under this object's lock: the ticker may be waiting for it
    synchronized (this) {
      return new Recording(file, samplesWritten * 1000 / RATE_HZ);
    }
  }

  // The caller's last words were sent just before its BYE, but RTP and SIP are read on different
  // threads: on a busy server the BYE can be handled while packets still wait in the socket.
  private void awaitLastPackets() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MAX_MILLIS);
    while (true) {
      long quietUntil;
      synchronized (this) {
        if (!anyPacket || closed) {
          return;
        }
        quietUntil = lastPacketNanos + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
      }
      long now = System.nanoTime();
      if (now - quietUntil >= 0 || now - deadline >= 0) {
        return;
      }
      LockSupport.parkNanos(Math.min(quietUntil - now, deadline - now));
    }
  }

  @Override
  public void close() {
    session.close();
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (!closed) {
        closed = true;
        sink.close();
      }
    }
  }

  /** Every 20 ms: the next greeting packet, or the recording's limits. */
  private void tick() {
    EndReason reason = null;
    synchronized (this) {
      if (closed) {
        return;
      }
      long now = System.nanoTime();
      if (!recording) {
        player.tick();
        if (!player.playing()) {
          recording = true;
          recordStartNanos = now;
          lastSoundNanos = now;
        }
      } else if (!ended) {
        if (now - recordStartNanos >= settings.maxMessage().toNanos()) {
          reason = EndReason.MAX_LENGTH;
        } else if (now - lastSoundNanos >= settings.silence().toNanos()) {
          reason = EndReason.SILENCE;
        }
        ended = reason != null;
      }
    }
    if (reason != null) {
      LOG.info("Voicemail recording on RTP port {} ends: {}", rtpPort(), reason);
      try {
        onEnded.accept(reason);
      } catch (RuntimeException e) {
        // Thread root of the ticker: the call is still cleaned up by finish().
        LOG.warn("Voicemail end callback failed", e);
      }
    }
  }

  /** On the RTP receive thread. */
  private synchronized void received(ReceivedRtpPacket received) {
    RtpPacket packet = received.packet();
    if (!recording || closed || failed || packet.payloadType() != payloadType) {
      return;
    }
    int gap = lastSequence < 0 ? 1 : (packet.sequenceNumber() - lastSequence) & 0xFFFF;
    if (gap == 0 || gap > 0x8000) {
      return; // a duplicate or a late packet: its place in the recording has passed
    }
    lastSequence = packet.sequenceNumber();
    anyPacket = true;
    lastPacketNanos = System.nanoTime();
    try {
      if (gap > 1 && gap <= MAX_CONCEALED_PACKETS) {
        for (int i = 1; i < gap; i++) {
          write(decoder.conceal(decoded, FRAME_SAMPLES), false);
        }
      }
      byte[] payload = packet.payload();
      int length = Math.min(payload.length, decoded.length);
      write(decoder.decode(payload, 0, length, decoded), true);
    } catch (UncheckedIOException e) {
      LOG.warn("Voicemail recording {} failed: {}", file, e.getMessage());
      failed = true;
    }
  }

  /**
   * Quiet frames wait in memory until sound follows, so pauses are kept but the silence after the
   * caller's last word (often the whole silence limit) never reaches the file.
   */
  private void write(int samples, boolean real) {
    if (real && rms(decoded, samples) >= SILENCE_RMS) {
      lastSoundNanos = System.nanoTime();
      flushSilence();
      sink.write(decoded, samples);
      samplesWritten += samples;
      return;
    }
    if (pendingSamples + samples > MAX_PENDING_SAMPLES) {
      flushSilence();
    }
    if (pendingSamples + samples > pendingSilence.length) {
      pendingSilence =
          Arrays.copyOf(pendingSilence, Math.max(2 * pendingSilence.length, FRAME_SAMPLES * 50));
    }
    System.arraycopy(decoded, 0, pendingSilence, pendingSamples, samples);
    pendingSamples += samples;
  }

  private void flushSilence() {
    if (pendingSamples > 0) {
      sink.write(pendingSilence, pendingSamples);
      samplesWritten += pendingSamples;
      pendingSamples = 0;
    }
  }

  private static double rms(short[] pcm, int count) {
    if (count == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    return Math.sqrt(sum / count);
  }
}
