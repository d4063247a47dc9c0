package org.parley.core.voicemail;

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
import org.parley.core.voicemail.VoicemailEvent.MessagesWaitingChanged;
import org.parley.core.voicemail.VoicemailEvent.WatchFailed;

/**
 * The message-summary subscription's life on a virtual clock, against a stack that only records.
 */
class VoicemailWatchTest {

  private static final String BOB = "sip:bob@office.example";

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final ScriptedSip stack = new ScriptedSip();
  private final BlockingQueue<VoicemailEvent> events = new LinkedBlockingQueue<>();
  private Voicemail voicemail;

  @BeforeEach
  void start() {
    AccountConfig account = AccountConfig.of(BOB, "pw"::toCharArray);
    RegisterSession session = new RegisterSession(account);
    voicemail = new Voicemail(account, stack, loop, () -> session);
    voicemail.addListener(events::add);
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  private ScriptedSip.Sent nextSent() throws InterruptedException {
    loop.drain();
    ScriptedSip.Sent next = stack.sent.poll(5, TimeUnit.SECONDS);
    assertThat(next).as("a SUBSCRIBE was sent").isNotNull();
    return next;
  }

  private void answer(ScriptedSip.Sent request, int status, Map<String, String> headers)
      throws InterruptedException {
    RequestOutcome outcome =
        new RequestOutcome(
            status,
            "Reason " + status,
            headers,
            Optional.of("mailbox-tag"),
            Optional.ofNullable(headers.get("contact")),
            List.of(),
            request.request().ids().cseq(),
            false);
    loop.execute(() -> request.done().accept(outcome));
    loop.drain();
  }

  private int notify(ScriptedSip.Sent subscribe, String state, String body)
      throws InterruptedException {
    int[] status = new int[1];
    IncomingRequest notify =
        new IncomingRequest(
            "NOTIFY",
            "bob",
            BOB,
            "",
            "mailbox-tag",
            Optional.of(subscribe.request().ids().localTag()),
            subscribe.request().ids().callId(),
            7,
            Map.of("subscription-state", state),
            body.isEmpty() ? Optional.empty() : Optional.of(MessageSummary.CONTENT_TYPE),
            body.getBytes(StandardCharsets.UTF_8));
    loop.execute(() -> status[0] = voicemail.onNotify(notify));
    loop.drain();
    return status[0];
  }

  @Test
  void subscribesToTheOwnAddressAndReportsEachSummary() throws Exception {
    voicemail.watch();
    ScriptedSip.Sent subscribe = nextSent();
    assertThat(subscribe.request().method()).isEqualTo("SUBSCRIBE");
    assertThat(subscribe.request().requestUri()).isEqualTo(BOB);
    assertThat(subscribe.request().toUri()).isEqualTo(BOB);
    assertThat(subscribe.request().headers())
        .extracting(h -> h.name() + ": " + h.value())
        .contains("Event: message-summary", "Accept: application/simple-message-summary");
    answer(subscribe, 200, Map.of("expires", "600"));

    assertThat(
            notify(
                subscribe, "active;expires=600", "Messages-Waiting: yes\r\nVoice-Message: 3/1\r\n"))
        .isEqualTo(200);

    assertThat(events.poll()).isEqualTo(new MessagesWaitingChanged(new MessageSummary(true, 3, 1)));
    assertThat(voicemail.summary()).isEqualTo(new MessageSummary(true, 3, 1));
  }

  @Test
  void refreshesInsideTheDialogAMinuteBeforeExpiry() throws Exception {
    voicemail.watch();
    ScriptedSip.Sent subscribe = nextSent();
    answer(subscribe, 200, Map.of("expires", "600", "contact", "sip:voicemail@192.0.2.7:5060"));

    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(540));
    loop.advance(Duration.ofSeconds(540));
    ScriptedSip.Sent refresh = nextSent();
    assertThat(refresh.request().requestUri()).isEqualTo("sip:voicemail@192.0.2.7:5060");
    assertThat(refresh.request().ids().callId()).isEqualTo(subscribe.request().ids().callId());
    assertThat(refresh.request().ids().remoteTag()).contains("mailbox-tag");
    assertThat(refresh.request().ids().cseq()).isEqualTo(subscribe.request().ids().cseq() + 1);
  }

  @Test
  void aRefreshAnswered481StartsANewSubscription() throws Exception {
    voicemail.watch();
    ScriptedSip.Sent subscribe = nextSent();
    answer(subscribe, 200, Map.of("expires", "120"));
    loop.advance(Duration.ofSeconds(60));
    answer(nextSent(), 481, Map.of());

    ScriptedSip.Sent again = nextSent();
    assertThat(again.request().ids().inDialog()).isFalse();
    assertThat(again.request().ids().callId()).isNotEqualTo(subscribe.request().ids().callId());
    assertThat(notify(subscribe, "active", "Voice-Message: 1/0"))
        .as("the old dialog")
        .isEqualTo(481);
  }

  @Test
  void aTerminatedNotifyStartsOverUnlessRejected() throws Exception {
    voicemail.watch();
    ScriptedSip.Sent first = nextSent();
    answer(first, 200, Map.of("expires", "3600"));
    assertThat(notify(first, "terminated;reason=timeout", "Voice-Message: 0/2")).isEqualTo(200);
    ScriptedSip.Sent second = nextSent();
    assertThat(second.request().ids().callId()).isNotEqualTo(first.request().ids().callId());
    assertThat(events.poll())
        .isEqualTo(new MessagesWaitingChanged(new MessageSummary(false, 0, 2)));

    answer(second, 200, Map.of("expires", "3600"));
    assertThat(notify(second, "terminated;reason=rejected", "")).isEqualTo(200);
    loop.drain();
    assertThat(stack.sent).isEmpty();
    assertThat(events.poll()).isInstanceOf(WatchFailed.class);
  }

  @Test
  void aRefusedSubscriptionIsReportedOnce() throws Exception {
    voicemail.watch();
    answer(nextSent(), 489, Map.of());
    assertThat(events.poll()).isEqualTo(new WatchFailed(489, "Reason 489"));
    assertThat(loop.nextTimerIn()).isNull();
  }

  @Test
  void stoppingUnsubscribesWithExpiresZero() throws Exception {
    voicemail.watch();
    ScriptedSip.Sent subscribe = nextSent();
    answer(subscribe, 200, Map.of("expires", "3600"));
    voicemail.stopWatching();
    ScriptedSip.Sent unsubscribe = nextSent();
    assertThat(unsubscribe.request().headers())
        .extracting(h -> h.name() + ": " + h.value())
        .contains("Expires: 0");
    assertThat(notify(subscribe, "active", "Voice-Message: 1/0")).isEqualTo(481);
  }
}
