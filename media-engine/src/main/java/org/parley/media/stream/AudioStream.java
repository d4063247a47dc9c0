package org.parley.media.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.dtmf.DtmfReceiver;
import org.parley.media.dtmf.DtmfSender;
import org.parley.media.dtmf.ReceivedDigit;
import org.parley.media.filter.AudioFilter;
import org.parley.media.jitter.AdaptiveJitterBuffer;
import org.parley.media.jitter.JitterBufferStatistics;
import org.parley.media.quality.PlayoutCounters;
import org.parley.media.quality.QualityMonitor;
import org.parley.media.quality.QualitySample;
import org.parley.media.quality.QualitySummary;
import org.parley.media.recording.CallRecorder;
import org.parley.media.resample.ResamplingSink;
import org.parley.media.resample.ResamplingSource;
import org.parley.media.rtp.MediaClock;
import org.parley.media.rtp.ReceivedRtpPacket;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio in both directions: source → encoder → RTP out, and RTP in → jitter buffer →
 * decoder → sink, each direction paced by its own media thread, with RFC 4733 digits both ways and
 * a quality sample every second. Sources and sinks at another rate than the codec's are resampled.
 */
public final class AudioStream implements AutoCloseable {

  /** What the stream reports while it runs; called on the media or receive thread. */
  public interface Listener {
    default void quality(QualitySample sample) {}

    default void digitReceived(char digit) {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(AudioStream.class);
  private static final int DTMF_PACKET_MILLIS = 50;
  // Sending, playing and the quality sampler each get a thread: a microphone that blocks (a line
  // still starting, a sound server delivering in large chunks) must not stop the speaker, or the
  // far side's packets pile up in the jitter buffer and are heard that much later.
  private static final int MEDIA_THREADS = 3;

  private final AudioStreamSettings settings;
  private final RtpSession session;
  private final AudioSource source;
  private final AudioSink sink;
  private final AudioEncoder encoder;
  private final AudioDecoder decoder;
  private final AdaptiveJitterBuffer jitterBuffer;
  private final DtmfSender dtmfSender;
  private final DtmfReceiver dtmfReceiver = new DtmfReceiver();
  private final QualityMonitor quality;
  private final Listener listener;
  private final ScheduledExecutorService media;
  private final MediaClock clock;
  private final AtomicInteger sequence = new AtomicInteger(new Random().nextInt(0x10000));
  private final short[] sendFrame;
  private final short[] playFrame;
  private final byte[] payload = new byte[1500];
  private long timestamp = new Random().nextInt() & 0xFFFF_FFFFL;
  private boolean firstPacket = true;
  // The source's dropped-sample count at the start and when last read, and the ticks stepped.
  private final long droppedAtStart;
  private long droppedSeen;
  private long droppedTicksStepped;
  private volatile boolean muted;
  private volatile AudioFilter sendFilter;
  private volatile CallRecorder recorder;
  private volatile boolean sending = true;
  private boolean closed;
  private final AtomicLong failedFrames = new AtomicLong();

  private AudioStream(
      AudioStreamSettings settings,
      RtpSessionConfig rtp,
      AudioSource source,
      AudioSink sink,
      Listener listener)
      throws IOException {
    this.settings = settings;
    this.listener = listener;
    this.clock = rtp.clock();
    int rate = settings.codec().sampleRateHz();
    this.source = source.sampleRateHz() == rate ? source : new ResamplingSource(source, rate);
    this.droppedAtStart = this.source.droppedSamples();
    this.droppedSeen = droppedAtStart;
    this.sink = sink.sampleRateHz() == rate ? sink : new ResamplingSink(rate, sink);
    this.encoder = settings.codec().newEncoder();
    this.sendFrame = new short[settings.frameSamples()];
    this.playFrame = new short[settings.frameSamples()];
    this.decoder = settings.codec().newDecoder();
    this.jitterBuffer =
        new AdaptiveJitterBuffer(
            decoder, settings.codec().clockRateHz(), rate, settings.frameSamples());
    this.session = RtpSession.open(rtp, this::received);
    this.dtmfSender =
        settings.telephoneEventPayloadType() < 0
            ? null
            : new DtmfSender(
                settings.telephoneEventPayloadType(),
                session.ssrc(),
                settings.codec().clockRateHz(),
                DTMF_PACKET_MILLIS,
                this::nextSequence);
    AtomicInteger threads = new AtomicInteger();
    this.media =
        Executors.newScheduledThreadPool(
            MEDIA_THREADS,
            task -> {
              Thread thread =
                  new Thread(
                      task,
                      "audio-stream-"
                          + session.localRtpAddress().getPort()
                          + "-"
                          + threads.incrementAndGet());
              thread.setDaemon(true);
              thread.setPriority(Thread.MAX_PRIORITY);
              return thread;
            });
    PlayoutCounters buffer =
        () -> {
          var statistics = jitterBuffer.statistics();
          return new PlayoutCounters.Snapshot(
              statistics.concealedSamples(),
              statistics.playedSamples(),
              statistics.currentDelayMillis());
        };
    this.quality =
        new QualityMonitor(
            settings.impairment(),
            settings.ptimeMillis(),
            session::statistics,
            buffer,
            clock,
            listener::quality);
  }

  /**
   * Opens the RTP session and starts sending and playing.
   *
   * @param rtp the session's addresses and options (its clock is the stream's clock)
   * @param source what is sent (the microphone, a WAV file, a tone)
   * @param sink where received audio goes (the speaker, a WAV file)
   */
  public static AudioStream start(
      AudioStreamSettings settings,
      RtpSessionConfig rtp,
      AudioSource source,
      AudioSink sink,
      Listener listener)
      throws IOException {
    AudioStream stream = new AudioStream(settings, rtp, source, sink, listener);
    long period = settings.ptimeMillis();
    stream.media.scheduleAtFixedRate(stream::sendTick, period, period, TimeUnit.MILLISECONDS);
    stream.media.scheduleAtFixedRate(stream::playTick, period, period, TimeUnit.MILLISECONDS);
    stream.quality.start(stream.media);
    return stream;
  }

  /** The session, for its local address (for SDP) and statistics. */
  public RtpSession session() {
    return session;
  }

  /** Sends silence instead of the source (the source is still read, so a file keeps its pace). */
  public void setMuted(boolean value) {
    muted = value;
  }

  /**
   * Processes what is sent (gain control, later echo cancellation and noise suppression) before it
   * is encoded; null for none.
   */
  public void setSendFilter(AudioFilter filter) {
    sendFilter = filter;
  }

  /**
   * Feeds both directions to {@code callRecorder} (started by the caller, at the codec's sample
   * rate) until it is replaced or set to null: what is sent as local, what is played as remote.
   */
  public void record(CallRecorder callRecorder) {
    recorder = callRecorder;
  }

  /** Stops or resumes sending (hold: {@code sendonly}/{@code inactive} on the other side). */
  public void setSending(boolean value) {
    sending = value;
  }

  /**
   * Sends a digit as RFC 4733 events.
   *
   * @return false when telephone-event was not negotiated
   */
  public boolean sendDigit(char digit, int durationMillis) {
    if (dtmfSender == null) {
      return false;
    }
    dtmfSender.send(digit, durationMillis);
    return true;
  }

  /** Stops the media threads and the session, closes source and sink; the quality summary. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // One line per call: where the receive side's delay went (target, compression, late drops).
    LOG.info(
        "Audio stream on port {} ends; jitter buffer {}",
        session.localRtpAddress().getPort(),
        jitterBuffer.statistics());
    quality.close();
    media.shutdownNow();
    boolean stopped = false;
    try {
      stopped = media.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    session.close();
    source.close();
    sink.close();
    encoder.close();
    if (stopped) {
      // Only once the media threads are gone: the playing one decodes in pull. Otherwise the
      // Cleaner frees it.
      decoder.close();
    }
  }

  /** The stream's quality so far (averages and worst values). */
  public QualitySummary summary() {
    return quality.summary();
  }

  private void sendTick() {
    try {
      sendOne();
    } catch (IOException | RuntimeException e) {
      // The media threads are thread roots: one bad frame must not end the call's audio.
      failedFrames.incrementAndGet();
      LOG.warn("Audio frame failed to send on port {}", session.localRtpAddress().getPort(), e);
    }
  }

  private void playTick() {
    try {
      jitterBuffer.pull(playFrame);
      sink.write(playFrame, playFrame.length);
      CallRecorder current = recorder;
      if (current != null) {
        current.acceptRemote(playFrame, playFrame.length);
      }
    } catch (RuntimeException e) {
      failedFrames.incrementAndGet();
      LOG.warn("Audio frame failed to play on port {}", session.localRtpAddress().getPort(), e);
    }
  }

  private void sendOne() throws IOException {
    int read = source.read(sendFrame);
    if (read < sendFrame.length) {
      Arrays.fill(sendFrame, Math.max(read, 0), sendFrame.length, (short) 0);
    }
    skipDroppedCapture();
    AudioFilter filter = sendFilter;
    if (filter != null) {
      filter.process(sendFrame, sendFrame.length);
    }
    if (muted) {
      Arrays.fill(sendFrame, (short) 0);
    }
    CallRecorder current = recorder;
    if (current != null) {
      current.acceptLocal(sendFrame, sendFrame.length);
    }
    if (sending) {
      if (dtmfSender != null && dtmfSender.isActive()) {
        for (RtpPacket event : dtmfSender.poll(timestamp)) {
          session.send(event);
        }
      } else {
        int length = encoder.encode(sendFrame, 0, sendFrame.length, payload);
        if (length > 0) {
          session.send(
              RtpPacket.of(
                  settings.payloadType(),
                  firstPacket,
                  nextSequence(),
                  timestamp,
                  session.ssrc(),
                  Arrays.copyOf(payload, length)));
          firstPacket = false;
        }
      }
    }
    timestamp = (timestamp + settings.frameTicks()) & 0xFFFF_FFFFL;
  }

  /**
   * Steps the timestamp over what the source dropped before this frame: the timestamp is the
   * sampling instant (RFC 3550 §5.1), so the receiver sees a gap in media time, as after silence
   * suppression, instead of a stream that from now on arrives late by the dropped length and raises
   * its jitter buffer's target for the rest of the window. The packet after the gap is marked, as
   * the first of a talk spurt (RFC 3551 §4.1).
   */
  private void skipDroppedCapture() {
    long total = source.droppedSamples();
    long dropped = total - droppedSeen;
    if (dropped <= 0) {
      return;
    }
    droppedSeen = total;
    // Counted in samples and converted as a whole, so G.722's 16 kHz samples on its 8 kHz clock
    // lose no half ticks over many drops.
    long clockRateHz = settings.codec().clockRateHz();
    long sampleRateHz = settings.codec().sampleRateHz();
    long ticks = (total - droppedAtStart) * clockRateHz / sampleRateHz - droppedTicksStepped;
    droppedTicksStepped += ticks;
    timestamp = (timestamp + ticks) & 0xFFFF_FFFFL;
    firstPacket = true;
    LOG.debug("Capture dropped {} samples: RTP timestamp steps {} ticks", dropped, ticks);
  }

  private int nextSequence() {
    return sequence.getAndIncrement() & 0xFFFF;
  }

  private void received(ReceivedRtpPacket received) {
    RtpPacket packet = received.packet();
    if (packet.payloadType() == settings.payloadType()) {
      jitterBuffer.insert(packet, received.arrivalNanos() / 1_000_000);
    } else if (packet.payloadType() == settings.telephoneEventPayloadType()) {
      List<ReceivedDigit> digits = dtmfReceiver.receive(packet);
      digits.forEach(digit -> listener.digitReceived(digit.digit()));
    }
  }

  /** Media ticks that threw (and were skipped): zero in a healthy stream. */
  public long failedFrames() {
    return failedFrames.get();
  }

  /** For tests and diagnostics: the jitter buffer's counters. */
  public JitterBufferStatistics jitterBufferStatistics() {
    return jitterBuffer.statistics();
  }

  /** Supplies listeners that ignore everything. */
  public static Listener quietListener() {
    return new Listener() {};
  }
}
