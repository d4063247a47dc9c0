package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;
import org.parley.core.testing.MemoryCallLog;

class HistoryViewModelTest {

  private static final Executor DIRECT = Runnable::run;
  private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

  private final MemoryCallLog log = new MemoryCallLog();
  private final List<String> dialled = new ArrayList<>();
  private final Texts english = Texts.forLocale(Locale.ENGLISH);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> {
            dialled.add(target);
            return new FakeCall(target, false);
          },
          DIRECT,
          DIRECT,
          english);
  private final HistoryViewModel history =
      new HistoryViewModel(log, calls, DIRECT, DIRECT, english, ZoneOffset.UTC);

  @Test
  void answeredCallShowsItsQualityBadgeFromTheMeanMos() {
    log.add(record(CallDirection.OUTGOING, CallDisposition.ANSWERED, "sip:echo@localhost", 4.12));

    history.reload();

    assertThat(history.entries()).hasSize(1);
    HistoryViewModel.Entry entry = history.entries().get(0);
    assertThat(entry.peer()).isEqualTo("sip:echo@localhost");
    assertThat(entry.summary()).startsWith("Outgoing call, ").contains("12:00");
    // 4.12 lies between G.107's 4.03 (satisfied) and 4.34 (very satisfied).
    assertThat(entry.badge()).contains(QualityBadge.GOOD);
    assertThat(entry.badgeText()).isEqualTo("Good (MOS 4.1)");
  }

  @Test
  void theBadgesDetailsGiveTheJitterBuffersDelayOrSayItWasNotRecorded() {
    CallRecord measured =
        record(CallDirection.OUTGOING, CallDisposition.ANSWERED, "sip:echo@localhost", 4.12);
    log.add(
        new CallRecord(
            0,
            measured.account(),
            measured.direction(),
            measured.peerUri(),
            "",
            NOON.plusSeconds(60),
            measured.answeredAt(),
            measured.endedAt().plusSeconds(60),
            measured.disposition(),
            0,
            measured.codec(),
            Optional.of(new CallQuality(4.12, 3.9, 1.6, 12.4, 30, 0.01, 43.6, 81.2))));
    // Logged before the call log kept the jitter buffer's delay.
    log.add(record(CallDirection.OUTGOING, CallDisposition.ANSWERED, "sip:old@localhost", 4.12));

    history.reload();

    assertThat(history.entries())
        .extracting(HistoryViewModel.Entry::qualityDetails)
        .containsExactlyInAnyOrder(
            "Loss 2 % \u00b7 jitter 12 ms \u00b7 jitter buffer 44 ms (worst 81 ms)",
            "Loss 0 % \u00b7 jitter 2 ms \u00b7 jitter buffer not recorded");
  }

  @Test
  void callsWithoutAudioHaveNoBadge() {
    log.add(record(CallDirection.INCOMING, CallDisposition.MISSED, "sip:bob@localhost", -1));

    history.reload();

    assertThat(history.entries().get(0).badge()).isEmpty();
    assertThat(history.entries().get(0).badgeText()).isEmpty();
    assertThat(history.entries().get(0).qualityDetails()).isEmpty();
    assertThat(history.entries().get(0).summary()).startsWith("Missed call, ");
  }

  @Test
  void filtersShowMissedIncomingOrOutgoingCalls() {
    log.add(record(CallDirection.OUTGOING, CallDisposition.ANSWERED, "sip:a@x", 4.4));
    log.add(record(CallDirection.INCOMING, CallDisposition.MISSED, "sip:b@x", -1));
    log.add(record(CallDirection.INCOMING, CallDisposition.ANSWERED, "sip:c@x", 3.0));
    history.reload();

    assertThat(peers()).containsExactly("sip:c@x", "sip:b@x", "sip:a@x");
    history.filterProperty().set(HistoryViewModel.Filter.MISSED);
    assertThat(peers()).containsExactly("sip:b@x");
    history.filterProperty().set(HistoryViewModel.Filter.INCOMING);
    assertThat(peers()).containsExactly("sip:c@x", "sip:b@x");
    history.filterProperty().set(HistoryViewModel.Filter.OUTGOING);
    assertThat(peers()).containsExactly("sip:a@x");
  }

  @Test
  void callBackDialsThePeersUri() {
    log.add(record(CallDirection.INCOMING, CallDisposition.MISSED, "sip:bob@localhost", -1));
    history.reload();

    history.callBack(history.entries().get(0));

    assertThat(dialled).containsExactly("sip:bob@localhost");
  }

  @Test
  void badgeBandsFollowG107() {
    assertThat(QualityBadge.forMos(4.5)).isEqualTo(QualityBadge.EXCELLENT);
    assertThat(QualityBadge.forMos(4.34)).isEqualTo(QualityBadge.EXCELLENT);
    assertThat(QualityBadge.forMos(4.33)).isEqualTo(QualityBadge.GOOD);
    assertThat(QualityBadge.forMos(3.60)).isEqualTo(QualityBadge.FAIR);
    assertThat(QualityBadge.forMos(3.59)).isEqualTo(QualityBadge.POOR);
    assertThat(QualityBadge.forMos(3.09)).isEqualTo(QualityBadge.BAD);
  }

  private List<String> peers() {
    return history.entries().stream().map(HistoryViewModel.Entry::peerUri).toList();
  }

  private static CallRecord record(
      CallDirection direction, CallDisposition disposition, String peer, double mos) {
    boolean answered = disposition == CallDisposition.ANSWERED;
    return new CallRecord(
        0,
        "sip:me@localhost",
        direction,
        peer,
        "",
        NOON,
        answered ? Optional.of(NOON) : Optional.empty(),
        NOON.plusSeconds(30),
        disposition,
        0,
        answered ? Optional.of("opus") : Optional.empty(),
        mos < 0 ? Optional.empty() : Optional.of(new CallQuality(mos, mos, 0, 2, 1, 0)));
  }
}
