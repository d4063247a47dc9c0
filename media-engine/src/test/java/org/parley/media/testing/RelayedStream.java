package org.parley.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.media.rtp.ReceivedRtpPacket;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.media.testing.ImpairmentRelay.Impairments;

/**
 * One 8 kHz RTP stream from a sender session to a receiver session through an {@link
 * ImpairmentRelay} on loopback (rtcp-mux, RTCP timer out of the way), for tests of statistics and
 * quality under impairment.
 */
public final class RelayedStream implements AutoCloseable {

  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final long SENDER_SSRC = 1;

  private final BlockingQueue<ReceivedRtpPacket> received = new LinkedBlockingQueue<>();
  private final RtpSession sender;
  private final RtpSession receiver;
  private final ImpairmentRelay relay;
  private int nextSequence;
  private long delivered;

  private RtpSession openedSender;
  private RtpSession openedReceiver;

  private RelayedStream(Impairments impairments, long seed) throws IOException {
    try {
      openedSender = RtpSession.open(config(SENDER_SSRC), p -> {});
      openedReceiver = RtpSession.open(config(2), received::add);
      relay =
          ImpairmentRelay.start(
              openedSender.localRtpAddress(),
              openedReceiver.localRtpAddress(),
              impairments,
              seed,
              4096);
    } catch (IOException e) {
      closeSessions();
      throw e;
    }
    sender = openedSender;
    receiver = openedReceiver;
    sender.setRemote(relay.address(), null);
    receiver.setRemote(relay.address(), null);
  }

  /** Opens the sender, the receiver and the relay between them. */
  public static RelayedStream open(Impairments impairments, long seed) throws IOException {
    return new RelayedStream(impairments, seed);
  }

  private static RtpSessionConfig config(long ssrc) {
    return RtpSessionConfig.builder()
        .ssrc(ssrc)
        .rtcpMux(true)
        .rtcpMinimumIntervalMillis(3_600_000)
        .build();
  }

  public RtpSession sender() {
    return sender;
  }

  public RtpSession receiver() {
    return receiver;
  }

  public ImpairmentRelay relay() {
    return relay;
  }

  /**
   * Sends {@code count} packets of 20 ms in bursts, each once the relay has taken the one before:
   * and the receiver everything the relay forwarded: flow control, so that a busy machine cannot
   * overflow a socket buffer and add loss of its own.
   */
  public void sendInBursts(int count, int burst) throws IOException, InterruptedException {
    int end = nextSequence + count;
    while (nextSequence < end) {
      int burstEnd = Math.min(end, nextSequence + burst);
      while (nextSequence < burstEnd) {
        if (!sendNext(160)) {
          throw new IllegalStateException("sender could not send packet " + nextSequence);
        }
      }
      relay.awaitSettled(nextSequence, SETTLE);
      awaitDelivered();
    }
  }

  /**
   * Sends {@code count} packets {@code ptimeMicros} apart from a scheduler, as a real stream would,
   * and returns once the receiver has everything the relay forwarded.
   */
  public void sendPaced(int count, long ptimeMicros) throws InterruptedException {
    int end = nextSequence + count;
    CountDownLatch done = new CountDownLatch(count);
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    long startNanos = System.nanoTime();
    try {
      pacer.scheduleAtFixedRate(
          () -> {
            if (done.getCount() > 0) {
              try {
                // Stamped with the moment it really leaves, at 8 kHz: a pacer thread that a loaded
                // machine runs late then adds no jitter of its own, only the relay's shows.
                long elapsedMicros = (System.nanoTime() - startNanos) / 1000;
                sendStamped(elapsedMicros * 8 / 1000);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              done.countDown();
            }
          },
          0,
          ptimeMicros,
          TimeUnit.MICROSECONDS);
      if (!done.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pacing did not finish");
      }
    } finally {
      pacer.shutdownNow();
    }
    relay.awaitSettled(end, SETTLE);
    awaitDelivered();
  }

  private boolean sendNext(long timestampStep) throws IOException {
    return sendStamped(nextSequence * timestampStep);
  }

  private boolean sendStamped(long timestamp) throws IOException {
    int seq = nextSequence++;
    return sender.send(
        RtpPacket.of(0, false, seq & 0xFFFF, timestamp & 0xFFFF_FFFFL, SENDER_SSRC, new byte[160]));
  }

  private void awaitDelivered() throws InterruptedException {
    long forwarded = relay.forwarded();
    for (; delivered < forwarded; delivered++) {
      if (received.poll(5, TimeUnit.SECONDS) == null) {
        throw new IllegalStateException(
            "receiver got " + delivered + " of " + forwarded + " forwarded packets");
      }
    }
  }

  @Override
  public void close() {
    relay.close();
    closeSessions();
  }

  private void closeSessions() {
    if (openedSender != null) {
      openedSender.close();
    }
    if (openedReceiver != null) {
      openedReceiver.close();
    }
  }
}
