package org.parley.server.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Latching with explicit times, so re-latching needs no waiting. */
class SourceLatchTest {

  private static final long RELATCH_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final InetSocketAddress CALLER = new InetSocketAddress("192.0.2.1", 4000);
  private static final InetSocketAddress REBOUND = new InetSocketAddress("192.0.2.1", 4100);

  private final SourceLatch latch = new SourceLatch("test", RELATCH_NANOS);

  @Test
  void firstSourceIsLatched() {
    assertThat(latch.peer()).isEmpty();

    assertThat(latch.accept(CALLER, 0)).isTrue();

    assertThat(latch.peer()).contains(CALLER);
  }

  @Test
  void anotherSourceIsRefusedWhileThePeerIsActive() {
    latch.accept(CALLER, 0);

    assertThat(latch.accept(REBOUND, TimeUnit.MILLISECONDS.toNanos(1999))).isFalse();
    assertThat(latch.peer()).contains(CALLER);
  }

  @Test
  void silenceOfExactlyTheLimitDoesNotYetAllowARelatch() {
    latch.accept(CALLER, 0);

    assertThat(latch.accept(REBOUND, RELATCH_NANOS)).isFalse();
  }

  @Test
  void anotherSourceTakesOverAfterThePeerFellSilent() {
    latch.accept(CALLER, 0);

    assertThat(latch.accept(REBOUND, RELATCH_NANOS + 1)).isTrue();

    assertThat(latch.peer()).contains(REBOUND);
    assertThat(latch.accept(CALLER, RELATCH_NANOS + 2)).isFalse();
  }

  @Test
  void eachPacketFromThePeerRestartsTheSilence() {
    latch.accept(CALLER, 0);
    latch.accept(CALLER, RELATCH_NANOS);

    assertThat(latch.accept(REBOUND, RELATCH_NANOS + RELATCH_NANOS / 2)).isFalse();
  }

  @Test
  void refusedPacketsDoNotCountAsThePeerBeingHeard() {
    latch.accept(CALLER, 0);
    latch.accept(REBOUND, RELATCH_NANOS / 2);

    assertThat(latch.accept(REBOUND, RELATCH_NANOS + 1)).isTrue();
  }
}
