package org.parley.app.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InputIdleSourceTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final InputIdleSource idle = new InputIdleSource(nanos::get);

  @Test
  void idleTimeGrowsWithTheClockAndInputResetsIt() {
    assertThat(idle.idleTime()).isEqualTo(Duration.ZERO);

    nanos.addAndGet(Duration.ofMinutes(7).toNanos());
    assertThat(idle.idleTime()).isEqualTo(Duration.ofMinutes(7));

    idle.touched();
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(idle.idleTime()).isEqualTo(Duration.ofSeconds(3));
  }
}
