package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountConfig;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.testing.ScriptedSip;
import org.parley.core.testing.VirtualTimeLoop;

/** Automatic "away" on a virtual clock: what is published, and when. */
class AutoAwayTest {

  private static final String ALICE = "sip:alice@office.example";
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final ScriptedSip sip = new ScriptedSip();
  private volatile Instant lastInput = loop.clock().instant();
  private Presence presence;
  private AutoAway autoAway;

  @BeforeEach
  void start() {
    RegisterSession session = new RegisterSession(AccountConfig.of(ALICE, "pw"::toCharArray));
    presence = new Presence(ALICE, "office.example", sip, loop, () -> session);
  }

  @AfterEach
  void stop() {
    if (autoAway != null) {
      autoAway.close();
    }
    loop.close();
  }

  private void startAutoAway() {
    autoAway =
        AutoAway.start(presence, () -> Duration.between(lastInput, loop.clock().instant()), LIMIT);
  }

  private void choose(PresenceStatus status) throws InterruptedException {
    presence.setStatus(status);
    loop.drain();
    nextPublished();
  }

  /** The RPID activity (or basic status) of the next PUBLISH, which is answered 200. */
  private String nextPublished() throws InterruptedException {
    ScriptedSip.Sent sent = sip.sent.poll(5, TimeUnit.SECONDS);
    assertThat(sent).as("a PUBLISH was sent").isNotNull();
    RequestOutcome ok =
        new RequestOutcome(
            200,
            "OK",
            Map.of("sip-etag", "etag", "expires", "3600"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            sent.request().ids().cseq(),
            false);
    loop.execute(() -> sent.done().accept(ok));
    loop.drain();
    String body = new String(sent.request().body(), StandardCharsets.UTF_8);
    if (body.contains("<rpid:away/>")) {
      return "away";
    }
    if (body.contains("<rpid:busy/>")) {
      return "busy";
    }
    if (body.contains("<rpid:on-the-phone/>")) {
      return "on-the-phone";
    }
    return body.contains("<basic>open</basic>") ? "available" : "closed";
  }

  @Test
  void anAvailableUserIsPublishedAwayAfterTheIdleLimitAndAvailableAtTheNextInput()
      throws Exception {
    choose(PresenceStatus.AVAILABLE);
    startAutoAway();

    loop.advance(LIMIT.minusSeconds(AutoAway.CHECK_SECONDS));
    assertThat(sip.sent).as("nothing before the limit").isEmpty();
    loop.advance(Duration.ofSeconds(AutoAway.CHECK_SECONDS));
    assertThat(nextPublished()).isEqualTo("away");
    assertThat(presence.chosenStatus()).isEqualTo(PresenceStatus.AWAY);

    loop.advance(Duration.ofMinutes(30));
    assertThat(sip.sent).as("away is published once").isEmpty();

    lastInput = loop.clock().instant();
    loop.advance(Duration.ofSeconds(AutoAway.CHECK_SECONDS));
    assertThat(nextPublished()).isEqualTo("available");
    assertThat(presence.chosenStatus()).isEqualTo(PresenceStatus.AVAILABLE);
  }

  @Test
  void busyAndAppearOfflineAreNeverReplaced() throws Exception {
    choose(PresenceStatus.BUSY);
    startAutoAway();
    loop.advance(LIMIT.multipliedBy(3));
    assertThat(sip.sent).isEmpty();

    choose(PresenceStatus.OFFLINE);
    loop.advance(LIMIT.multipliedBy(3));
    assertThat(sip.sent).isEmpty();
    assertThat(presence.chosenStatus()).isEqualTo(PresenceStatus.OFFLINE);
  }

  @Test
  void aUserInACallStaysOnThePhoneHoweverLongTheyAreIdle() throws Exception {
    choose(PresenceStatus.AVAILABLE);
    startAutoAway();
    loop.execute(() -> presence.onCallEvent(new CallEstablished(null, "PCMU")));
    loop.drain();
    assertThat(nextPublished()).isEqualTo("on-the-phone");

    loop.advance(LIMIT.multipliedBy(2));
    assertThat(sip.sent).isEmpty();
    assertThat(presence.chosenStatus()).isEqualTo(PresenceStatus.AVAILABLE);

    loop.execute(() -> presence.onCallEvent(new CallEnded(null, EndReason.LOCAL_HANGUP, 0, "")));
    loop.drain();
    assertThat(nextPublished()).isEqualTo("available");
    loop.advance(Duration.ofSeconds(AutoAway.CHECK_SECONDS));
    assertThat(nextPublished()).as("idle all along: away once the call is over").isEqualTo("away");
  }

  @Test
  void aStatusTheUserChoosesWhileAutoAwayIsKeptAtTheNextInput() throws Exception {
    choose(PresenceStatus.AVAILABLE);
    startAutoAway();
    loop.advance(LIMIT);
    assertThat(nextPublished()).isEqualTo("away");

    choose(PresenceStatus.BUSY);
    lastInput = loop.clock().instant();
    loop.advance(Duration.ofSeconds(AutoAway.CHECK_SECONDS * 2L));
    assertThat(sip.sent).isEmpty();
    assertThat(presence.chosenStatus()).isEqualTo(PresenceStatus.BUSY);
  }

  @Test
  void closingStopsTheChecks() throws Exception {
    choose(PresenceStatus.AVAILABLE);
    startAutoAway();
    autoAway.close();
    loop.advance(LIMIT.multipliedBy(2));
    assertThat(sip.sent).isEmpty();
  }
}
