package org.parley.media.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP relay between two loopback endpoints that impairs what it forwards, reproducibly from a
 * seed: loss, delay jitter, reordering and duplication. Each endpoint sends to the relay's address
 * and receives from it; datagrams from anywhere else are dropped. Delayed datagrams wait on a
 * scheduler, at most {@code capacity} at a time; beyond that they are dropped as a full queue would
 * drop them.
 */
public final class ImpairmentRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ImpairmentRelay.class);

  /** How delay jitter is drawn. */
  public enum JitterShape {
    /** Uniform in [0, jitter]. */
    UNIFORM,
    /** Normal with mean jitter/2 and standard deviation jitter/4, cut at 0. */
    NORMAL
  }

  /**
   * What to do to each datagram; every ratio is a probability per datagram.
   *
   * @param lossRatio dropped
   * @param jitterMillis the spread of the added delay
   * @param shape how the delay is drawn within the spread
   * @param reorderRatio held back a further {@code reorderDelayMillis}, so later ones overtake it
   * @param reorderDelayMillis the extra hold for reordered datagrams
   * @param duplicateRatio sent twice
   */
  public record Impairments(
      double lossRatio,
      double jitterMillis,
      JitterShape shape,
      double reorderRatio,
      double reorderDelayMillis,
      double duplicateRatio) {

    public static final Impairments NONE = new Impairments(0, 0, JitterShape.UNIFORM, 0, 0, 0);

    public Impairments withLoss(double ratio) {
      return new Impairments(
          ratio, jitterMillis, shape, reorderRatio, reorderDelayMillis, duplicateRatio);
    }

    public Impairments withJitter(double millis, JitterShape jitterShape) {
      return new Impairments(
          lossRatio, millis, jitterShape, reorderRatio, reorderDelayMillis, duplicateRatio);
    }

    public Impairments withReordering(double ratio, double delayMillis) {
      return new Impairments(lossRatio, jitterMillis, shape, ratio, delayMillis, duplicateRatio);
    }

    public Impairments withDuplication(double ratio) {
      return new Impairments(
          lossRatio, jitterMillis, shape, reorderRatio, reorderDelayMillis, ratio);
    }
  }

  private final DatagramChannel channel;
  private final InetSocketAddress endpointA;
  private final InetSocketAddress endpointB;
  private final Impairments impairments;
  private final Random random;
  private final int capacity;
  private final ScheduledExecutorService scheduler;
  private final Thread receiveThread;

  // Guarded by this.
  private long received;
  private long dropped;
  private long forwarded;
  private long overflowed;
  private int inFlight;
  private boolean closed;

  private ImpairmentRelay(
      DatagramChannel channel,
      InetSocketAddress endpointA,
      InetSocketAddress endpointB,
      Impairments impairments,
      long seed,
      int capacity) {
    this.channel = channel;
    this.endpointA = endpointA;
    this.endpointB = endpointB;
    this.impairments = impairments;
    this.random = new Random(seed);
    this.capacity = capacity;
    int port = channel.socket().getLocalPort();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "impairment-send-" + port));
    this.receiveThread = daemon(this::receiveLoop, "impairment-receive-" + port);
  }

  /** Starts a relay on a free loopback port between {@code endpointA} and {@code endpointB}. */
  public static ImpairmentRelay start(
      InetSocketAddress endpointA,
      InetSocketAddress endpointB,
      Impairments impairments,
      long seed,
      int capacity)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(endpointA.getAddress(), 0));
    ImpairmentRelay relay =
        new ImpairmentRelay(channel, endpointA, endpointB, impairments, seed, capacity);
    relay.receiveThread.start();
    return relay;
  }

  /** Where both endpoints send. */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.socket().getLocalSocketAddress();
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(65_536);
    while (true) {
      try {
        buffer.clear();
        InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
        buffer.flip();
        byte[] datagram = new byte[buffer.remaining()];
        buffer.get(datagram);
        InetSocketAddress destination =
            source.equals(endpointA) ? endpointB : source.equals(endpointB) ? endpointA : null;
        if (destination != null) {
          impair(datagram, destination);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warn("impairment relay receive failed", e);
        if (!channel.isOpen()) {
          return;
        }
      }
    }
  }

  /** Draws this datagram's fate; all draws happen here, in arrival order, so a seed repeats. */
  private void impair(byte[] datagram, InetSocketAddress destination) {
    boolean lose = random.nextDouble() < impairments.lossRatio();
    double delayMillis = jitterMillis();
    if (random.nextDouble() < impairments.reorderRatio()) {
      delayMillis += impairments.reorderDelayMillis();
    }
    int copies = random.nextDouble() < impairments.duplicateRatio() ? 2 : 1;
    synchronized (this) {
      received++;
      if (lose) {
        dropped++;
        notifyAll();
        return;
      }
      if (inFlight + copies > capacity) {
        overflowed++;
        notifyAll();
        return;
      }
      inFlight += copies;
    }
    long delayMicros = Math.round(delayMillis * 1000);
    for (int i = 0; i < copies; i++) {
      scheduler.schedule(() -> send(datagram, destination), delayMicros, TimeUnit.MICROSECONDS);
    }
  }

  private double jitterMillis() {
    double jitter = impairments.jitterMillis();
    if (impairments.shape() == JitterShape.UNIFORM) {
      return random.nextDouble() * jitter;
    }
    return Math.max(0, jitter / 2 + random.nextGaussian() * jitter / 4);
  }

  private void send(byte[] datagram, InetSocketAddress destination) {
    try {
      channel.send(ByteBuffer.wrap(datagram), destination);
    } catch (IOException e) {
      LOG.debug("impairment relay send failed", e);
    } finally {
      synchronized (this) {
        inFlight--;
        forwarded++;
        notifyAll();
      }
    }
  }

  /**
   * Waits until the relay has taken {@code datagrams} from the endpoints and sent on all it kept.
   *
   * @return the number of datagrams forwarded so far (duplicates counted)
   * @throws IllegalStateException on timeout
   */
  public synchronized long awaitSettled(long datagrams, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received < datagrams || inFlight > 0) {
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0 || closed) {
        throw new IllegalStateException(
            "relay not settled: received "
                + received
                + " of "
                + datagrams
                + ", "
                + inFlight
                + " in flight");
      }
      wait(remainingMillis);
    }
    return forwarded;
  }

  public synchronized long received() {
    return received;
  }

  public synchronized long dropped() {
    return dropped;
  }

  public synchronized long forwarded() {
    return forwarded;
  }

  public synchronized long overflowed() {
    return overflowed;
  }

  /** Stops receiving, discards what is still delayed and releases the port. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    scheduler.shutdownNow();
    try {
      channel.close();
      receiveThread.join(2000);
    } catch (IOException e) {
      LOG.debug("closing the relay channel failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
