package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void freshNonceIsValidAndUnique() {
    NonceService nonces = new NonceService(Duration.ofMinutes(5), 16);
    String first = nonces.issue(NOW);

    assertThat(nonces.check(first, NOW)).isEqualTo(NonceService.Verdict.VALID);
    assertThat(nonces.issue(NOW)).isNotEqualTo(first);
  }

  @Test
  void nonceFromAnotherServerProcessIsUnknown() {
    String foreign = new NonceService(Duration.ofMinutes(5), 16).issue(NOW);

    assertThat(new NonceService(Duration.ofMinutes(5), 16).check(foreign, NOW))
        .isEqualTo(NonceService.Verdict.UNKNOWN);
  }

  @Test
  void garbageIsUnknownNotAnError() {
    NonceService nonces = new NonceService(Duration.ofMinutes(5), 16);

    for (String garbage : new String[] {"", "!!!", "AAAA", "x".repeat(500), null}) {
      assertThat(nonces.check(garbage, NOW)).isEqualTo(NonceService.Verdict.UNKNOWN);
      assertThat(nonces.useCount(garbage, 1)).isEqualTo(NonceService.Verdict.UNKNOWN);
    }
  }

  @Test
  void nonceGoesStaleAfterItsLifetime() {
    NonceService nonces = new NonceService(Duration.ofMinutes(5), 16);
    String nonce = nonces.issue(NOW);

    assertThat(nonces.check(nonce, NOW.plusSeconds(300))).isEqualTo(NonceService.Verdict.VALID);
    assertThat(nonces.check(nonce, NOW.plusSeconds(301))).isEqualTo(NonceService.Verdict.STALE);
  }

  @Test
  void nonceCountsMustRise() {
    NonceService nonces = new NonceService(Duration.ofMinutes(5), 16);
    String nonce = nonces.issue(NOW);

    assertThat(nonces.useCount(nonce, 1)).isEqualTo(NonceService.Verdict.VALID);
    assertThat(nonces.useCount(nonce, 1)).isEqualTo(NonceService.Verdict.REPLAYED);
    assertThat(nonces.useCount(nonce, 3)).isEqualTo(NonceService.Verdict.VALID);
    assertThat(nonces.useCount(nonce, 2)).isEqualTo(NonceService.Verdict.REPLAYED);
  }

  @Test
  void nonceWhoseReplaySlotWasReusedIsStale() {
    NonceService nonces = new NonceService(Duration.ofMinutes(5), 4);
    String old = nonces.issue(NOW);
    for (int i = 0; i < 4; i++) {
      nonces.issue(NOW);
    }

    assertThat(nonces.check(old, NOW)).isEqualTo(NonceService.Verdict.STALE);
    assertThat(nonces.useCount(old, 1)).isEqualTo(NonceService.Verdict.STALE);
  }
}
