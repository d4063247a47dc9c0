package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationTimingTest {

  private static RegistrationTiming timing(double random) {
    return new RegistrationTiming(Duration.ofSeconds(30), Duration.ofSeconds(1800), () -> random);
  }

  @Test
  void refreshLeavesHalfTheLifetimeOrFiveMinutes() {
    assertThat(timing(0).refreshAfter(3600)).isEqualTo(Duration.ofSeconds(3300));
    assertThat(timing(0).refreshAfter(600)).isEqualTo(Duration.ofSeconds(300));
    assertThat(timing(0).refreshAfter(60)).isEqualTo(Duration.ofSeconds(30));
    assertThat(timing(0).refreshAfter(1)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryFollowsRfc5626WithJitterBetweenHalfAndAll() {
    // RFC 5626 §4.5: upper bound min(max-time, base-time * 2^failures).
    assertThat(timing(1.0).retryAfter(1)).isEqualTo(Duration.ofSeconds(60));
    assertThat(timing(0).retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(timing(0.5).retryAfter(2)).isEqualTo(Duration.ofSeconds(90));
    assertThat(timing(0).retryAfter(5)).isEqualTo(Duration.ofSeconds(480));
  }

  @Test
  void retryIsCappedAtMaxTime() {
    assertThat(timing(1.0).retryAfter(6)).isEqualTo(Duration.ofSeconds(1800));
    assertThat(timing(1.0).retryAfter(1000)).isEqualTo(Duration.ofSeconds(1800));
  }
}
