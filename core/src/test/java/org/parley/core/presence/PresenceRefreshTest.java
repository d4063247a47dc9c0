package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.testing.ScriptedSip;
import org.parley.core.testing.VirtualTimeLoop;

/** Publication and subscription refreshes on a virtual clock, against a scripted SIP stack. */
class PresenceRefreshTest {

  private static final String ALICE = "sip:alice@office.example";

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final ScriptedSip sip = new ScriptedSip();
  private final PresenceEvents events = new PresenceEvents();
  private Presence presence;

  /** Collects events; they arrive on the loop, read after a drain. */
  private static final class PresenceEvents implements PresenceListener {
    final BlockingQueue<PresenceEvent> queue = new LinkedBlockingQueue<>();

    @Override
    public void onPresenceEvent(PresenceEvent event) {
      queue.add(event);
    }
  }

  @BeforeEach
  void start() {
    RegisterSession session = new RegisterSession(AccountConfig.of(ALICE, "pw"::toCharArray));
    presence = new Presence(ALICE, "office.example", sip, loop, () -> session);
    presence.addListener(events);
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  private ScriptedSip.Sent next() throws InterruptedException {
    ScriptedSip.Sent sent = sip.sent.poll(5, TimeUnit.SECONDS);
    assertThat(sent).as("a request was sent").isNotNull();
    return sent;
  }

  private void answer(ScriptedSip.Sent sent, int status, Map<String, String> headers, String toTag)
      throws InterruptedException {
    RequestOutcome outcome =
        new RequestOutcome(
            status,
            status == 200 ? "OK" : "Error",
            headers,
            Optional.ofNullable(toTag),
            Optional.ofNullable(headers.get("contact")),
            List.of(),
            sent.request().ids().cseq(),
            false);
    loop.execute(() -> sent.done().accept(outcome));
    loop.drain();
  }

  /** Hands the presence a body-less NOTIFY from the notifier and returns its answer. */
  private int notify(String callId, String ourTag, Map<String, String> headers)
      throws InterruptedException {
    int[] status = new int[1];
    IncomingRequest notify =
        new IncomingRequest(
            "NOTIFY",
            "alice",
            "sip:bob@office.example",
            "",
            "notifier-tag",
            Optional.of(ourTag),
            callId,
            2,
            headers,
            Optional.empty(),
            new byte[0]);
    loop.execute(() -> status[0] = presence.onNotify(notify));
    loop.drain();
    return status[0];
  }

  @Test
  void aPublicationIsRefreshedWithItsEntityTagAMinuteBeforeItExpires() throws Exception {
    presence.setStatus(PresenceStatus.AWAY);
    ScriptedSip.Sent initial = next();
    assertThat(initial.request().method()).isEqualTo("PUBLISH");
    assertThat(initial.request().requestUri()).isEqualTo(ALICE);
    assertThat(initial.header("Event")).isEqualTo("presence");
    assertThat(initial.header("SIP-If-Match")).isNull();
    assertThat(new String(initial.request().body(), StandardCharsets.UTF_8))
        .contains("<rpid:away/>");

    answer(initial, 200, Map.of("sip-etag", "etag-1", "expires", "600"), null);

    assertThat(events.queue.poll())
        .isEqualTo(new PresenceEvent.StatusPublished(PresenceStatus.AWAY));
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(540));
    loop.advance(Duration.ofSeconds(539));
    assertThat(sip.sent).isEmpty();
    loop.advance(Duration.ofSeconds(1));
    ScriptedSip.Sent refresh = next();
    assertThat(refresh.header("SIP-If-Match")).isEqualTo("etag-1");
    assertThat(refresh.request().body()).isEmpty();
    assertThat(refresh.request().contentType()).isEmpty();
  }

  @Test
  void aRefreshTheServerNoLongerKnowsPublishesTheDocumentAfresh() throws Exception {
    presence.setStatus(PresenceStatus.BUSY);
    answer(next(), 200, Map.of("sip-etag", "etag-1", "expires", "600"), null);
    loop.advance(Duration.ofSeconds(540));
    answer(next(), 412, Map.of(), null);

    ScriptedSip.Sent again = next();
    assertThat(again.header("SIP-If-Match")).isNull();
    assertThat(new String(again.request().body(), StandardCharsets.UTF_8)).contains("<rpid:busy/>");
  }

  @Test
  void aSubscriptionIsRefreshedInsideItsDialogBeforeItExpires() throws Exception {
    presence.watch("bob");
    ScriptedSip.Sent initial = next();
    assertThat(initial.request().method()).isEqualTo("SUBSCRIBE");
    assertThat(initial.request().requestUri()).isEqualTo("sip:bob@office.example");
    assertThat(initial.request().ids().inDialog()).isFalse();
    assertThat(initial.header("Accept")).isEqualTo("application/pidf+xml");

    answer(
        initial,
        200,
        Map.of("expires", "120", "contact", "sip:presence@192.0.2.1:5060"),
        "notifier-tag");

    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(60));
    loop.advance(Duration.ofSeconds(60));
    ScriptedSip.Sent refresh = next();
    assertThat(refresh.request().requestUri()).isEqualTo("sip:presence@192.0.2.1:5060");
    assertThat(refresh.request().ids().callId()).isEqualTo(initial.request().ids().callId());
    assertThat(refresh.request().ids().remoteTag()).contains("notifier-tag");
    assertThat(refresh.request().ids().cseq()).isEqualTo(initial.request().ids().cseq() + 1);
  }

  @Test
  void aNotifyThatEndsTheSubscriptionStartsANewOne() throws Exception {
    presence.watch("bob");
    ScriptedSip.Sent initial = next();
    answer(initial, 200, Map.of("expires", "3600"), "notifier-tag");

    int status =
        notify(
            initial.request().ids().callId(),
            initial.request().ids().localTag(),
            Map.of("subscription-state", "terminated;reason=timeout"));

    assertThat(status).isEqualTo(200);
    ScriptedSip.Sent resubscribe = next();
    assertThat(resubscribe.request().ids().inDialog()).isFalse();
    assertThat(resubscribe.request().ids().callId()).isNotEqualTo(initial.request().ids().callId());
  }

  @Test
  void aRefreshThatGetsNoAnswerSubscribesAfreshHalfAMinuteLater() throws Exception {
    presence.watch("bob");
    ScriptedSip.Sent initial = next();
    answer(initial, 200, Map.of("expires", "120"), "notifier-tag");
    loop.advance(Duration.ofSeconds(60));
    answer(next(), 408, Map.of(), null);

    assertThat(events.queue).as("the buddy is not given up").isEmpty();
    assertThat(loop.nextTimerIn())
        .isEqualTo(Duration.ofSeconds(org.parley.core.sip.Subscription.RETRY_SECONDS));
    loop.advance(Duration.ofSeconds(org.parley.core.sip.Subscription.RETRY_SECONDS));
    ScriptedSip.Sent again = next();
    assertThat(again.request().ids().inDialog()).isFalse();
    assertThat(again.request().ids().callId()).isNotEqualTo(initial.request().ids().callId());
  }

  @Test
  void aNotifyForNoSubscriptionOfOursGets481() throws Exception {
    assertThat(notify("unknown-call-id", "y", Map.of())).isEqualTo(481);
  }
}
