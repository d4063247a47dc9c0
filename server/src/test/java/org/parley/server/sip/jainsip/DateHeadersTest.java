package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import javax.sip.header.DateHeader;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.MutableClock;

class DateHeadersTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00.250Z"));

  private DateHeaders dates() {
    return new DateHeaders(SipFactories.headers(), clock);
  }

  @Test
  void theHeaderSaysTheCurrentSecondInGmt() throws Exception {
    DateHeader date = dates().now();

    assertThat(date.toString().strip()).isEqualTo("Date: Sun, 22 Nov 2026 10:00:00 GMT");
  }

  @Test
  void oneHeaderServesTheWholeSecondAndTheNextSecondGetsItsOwn() throws Exception {
    DateHeaders dates = dates();
    DateHeader first = dates.now();

    clock.advance(Duration.ofMillis(700));
    DateHeader sameSecond = dates.now();
    clock.advance(Duration.ofMillis(100));
    DateHeader nextSecond = dates.now();

    assertThat(sameSecond).isSameAs(first);
    assertThat(nextSecond.toString().strip()).isEqualTo("Date: Sun, 22 Nov 2026 10:00:01 GMT");
  }
}
