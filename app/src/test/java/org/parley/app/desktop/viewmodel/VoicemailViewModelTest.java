package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.voicemail.MessageSummary;
import org.parley.core.voicemail.VoicemailException;
import org.parley.core.voicemail.VoicemailMessage;
import org.parley.media.wav.WavFileSink;

class VoicemailViewModelTest {

  private static final Executor DIRECT = Runnable::run;
  private static final int RATE_HZ = 8000;
  private static final VoicemailMessage FROM_DORA =
      new VoicemailMessage(
          7, "\"Dora\" <sip:dora@example.com>", Instant.parse("2026-11-22T10:00:00Z"), 2.0, false);
  private static final VoicemailMessage FROM_BOB =
      new VoicemailMessage(
          8, "<sip:bob@localhost>", Instant.parse("2026-11-22T11:30:00Z"), 65.4, true);

  @TempDir Path dir;

  private final FakeMailbox mailbox = new FakeMailbox();
  private final FakePlayer player = new FakePlayer();
  private final FakeRecorder recorder = new FakeRecorder();
  private final List<String> dialled = new ArrayList<>();
  private VoicemailViewModel voicemail;

  @BeforeEach
  void create() throws IOException {
    mailbox.audioFile = dir.resolve("7.wav");
    // One second of full-scale square wave, then one second of silence.
    short[] pcm = new short[2 * RATE_HZ];
    for (int i = 0; i < RATE_HZ; i++) {
      pcm[i] = (short) ((i / 4) % 2 == 0 ? 32767 : -32767);
    }
    try (WavFileSink sink = WavFileSink.create(mailbox.audioFile, RATE_HZ, 1)) {
      sink.write(pcm, pcm.length);
    }
    voicemail =
        new VoicemailViewModel(
            mailbox,
            player,
            recorder,
            dialled::add,
            uri -> uri.equals("sip:bob@localhost") ? Optional.of("Bob Builder") : Optional.empty(),
            DIRECT,
            DIRECT,
            Texts.forLocale(Locale.ENGLISH),
            ZoneOffset.UTC);
    mailbox.messages.addAll(List.of(FROM_DORA, FROM_BOB));
  }

  @Test
  void listsCallerTimeDurationAndTheUnheardMarkerAndCountsTheUnheard() {
    voicemail.reload();

    assertThat(voicemail.entries())
        .extracting(
            VoicemailViewModel.Entry::caller,
            VoicemailViewModel.Entry::duration,
            VoicemailViewModel.Entry::unheard)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Dora", "0:02", true),
            org.assertj.core.groups.Tuple.tuple("Bob Builder", "1:05", false));
    assertThat(voicemail.entries().get(0).time()).contains("10:00");
    assertThat(voicemail.entries().get(0).description()).endsWith(", new");
    assertThat(voicemail.waitingProperty().get()).isEqualTo(1);
  }

  @Test
  void playingToTheEndMarksTheMessageHeardAndTheBadgeDrops() {
    voicemail.reload();
    voicemail.select(voicemail.entries().get(0));

    voicemail.play();

    assertThat(player.fromSample).isZero();
    assertThat(player.rateHz).isEqualTo(RATE_HZ);
    assertThat(voicemail.playingProperty().get()).isTrue();
    assertThat(voicemail.durationMillisProperty().get()).isEqualTo(2000);
    double[] peaks = voicemail.peaksProperty().get();
    assertThat(peaks).hasSize(VoicemailViewModel.WAVEFORM_SLICES);
    assertThat(peaks[0]).isGreaterThan(0.99);
    assertThat(peaks[peaks.length - 1]).isZero();

    player.progress.at(RATE_HZ / 2);
    assertThat(voicemail.positionMillisProperty().get()).isEqualTo(500);
    player.progress.ended();

    assertThat(voicemail.playingProperty().get()).isFalse();
    assertThat(voicemail.positionMillisProperty().get()).isEqualTo(2000);
    assertThat(mailbox.heard).containsExactly(7L);
    assertThat(voicemail.entries().get(0).unheard()).isFalse();
    assertThat(voicemail.waitingProperty().get()).isZero();
  }

  @Test
  void pauseKeepsThePositionAndPlayGoesOnFromIt() {
    voicemail.reload();
    voicemail.select(voicemail.entries().get(0));
    voicemail.play();
    player.progress.at(RATE_HZ);

    voicemail.togglePlay();
    assertThat(player.stopped).isTrue();
    assertThat(voicemail.playingProperty().get()).isFalse();
    player.progress.at(RATE_HZ + 800); // late progress from the stopped playback is ignored
    assertThat(voicemail.positionMillisProperty().get()).isEqualTo(1000);

    voicemail.togglePlay();
    assertThat(player.fromSample).isEqualTo(RATE_HZ);
    assertThat(mailbox.audioFetches).isEqualTo(1);
  }

  @Test
  void seekingWhilePlayingRestartsThereAndPausedOnlyMovesThePosition() {
    voicemail.reload();
    voicemail.select(voicemail.entries().get(0));
    voicemail.play();

    voicemail.seek(0.75);
    assertThat(player.fromSample).isEqualTo(RATE_HZ * 3 / 2);
    assertThat(voicemail.positionMillisProperty().get()).isEqualTo(1500);

    voicemail.pause();
    int plays = player.plays;
    voicemail.seek(0.25);
    assertThat(player.plays).isEqualTo(plays);
    assertThat(voicemail.positionMillisProperty().get()).isEqualTo(500);
  }

  @Test
  void anUnreachableServerShowsTheCachedListAndSaysSo() {
    mailbox.failure = failure(VoicemailException.Reason.UNREACHABLE);
    mailbox.cached = List.of(FROM_BOB);

    voicemail.reload();

    assertThat(voicemail.entries()).extracting(e -> e.message().id()).containsExactly(8L);
    assertThat(voicemail.statusProperty().get()).contains("cannot be reached");
  }

  @Test
  void theSummaryDrivesTheBadge() {
    voicemail.onSummary(new MessageSummary(true, 3, 0));
    // The list is read again too, and it has one unheard message now.
    assertThat(voicemail.waitingProperty().get()).isEqualTo(1);
    mailbox.messages.clear();
    voicemail.onSummary(new MessageSummary(false, 0, 0));
    assertThat(voicemail.waitingProperty().get()).isZero();
    assertThat(voicemail.entries()).isEmpty();
  }

  @Test
  void callBackDialsTheCallerAndDeleteRemovesTheMessage() {
    voicemail.reload();
    voicemail.select(voicemail.entries().get(0));

    voicemail.callBack();
    voicemail.delete();

    assertThat(dialled).containsExactly("sip:dora@example.com");
    assertThat(mailbox.deleted).containsExactly(7L);
    assertThat(voicemail.entries()).extracting(e -> e.message().id()).containsExactly(8L);
    assertThat(voicemail.waitingProperty().get()).isZero();
    assertThat(voicemail.selectedProperty().get()).isNull();
  }

  @Test
  void saveAsCopiesTheAudio() throws IOException {
    voicemail.reload();
    voicemail.select(voicemail.entries().get(0));
    Path target = dir.resolve("saved.wav");

    voicemail.saveAs(target);

    assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(mailbox.audioFile));
    assertThat(voicemail.statusProperty().get()).isEqualTo("Saved as saved.wav");
  }

  @Test
  void aRecordedGreetingIsUploadedAndARefusalIsExplained() {
    voicemail.toggleGreetingRecording();
    assertThat(recorder.recording).isTrue();
    assertThat(voicemail.recordingProperty().get()).isTrue();

    voicemail.toggleGreetingRecording();
    assertThat(mailbox.greetings).containsExactly(recorder.file);
    assertThat(voicemail.statusProperty().get()).isEqualTo("Your new greeting is in place");

    mailbox.failure = failure(VoicemailException.Reason.REJECTED);
    voicemail.toggleGreetingRecording();
    voicemail.toggleGreetingRecording();
    assertThat(voicemail.statusProperty().get()).contains("refused the greeting");
  }

  @Test
  void aWrongPasswordIsExplained() {
    mailbox.failure = failure(VoicemailException.Reason.UNAUTHORIZED);
    voicemail.reload();
    assertThat(voicemail.statusProperty().get()).contains("user name or password");
  }

  private static VoicemailException failure(VoicemailException.Reason reason) {
    return new VoicemailException(reason, 0, reason.name());
  }

  private final class FakeMailbox implements Mailbox {
    final List<VoicemailMessage> messages = new ArrayList<>();
    List<VoicemailMessage> cached = List.of();
    final Set<Long> heard = new HashSet<>();
    final List<Long> deleted = new ArrayList<>();
    final List<Path> greetings = new ArrayList<>();
    Path audioFile;
    int audioFetches;
    VoicemailException failure;

    private void failIfAsked() throws VoicemailException {
      if (failure != null) {
        throw failure;
      }
    }

    @Override
    public List<VoicemailMessage> list() throws VoicemailException {
      failIfAsked();
      return List.copyOf(messages);
    }

    @Override
    public List<VoicemailMessage> cachedList() {
      return cached;
    }

    @Override
    public Path audio(long messageId) throws VoicemailException {
      failIfAsked();
      audioFetches++;
      return audioFile;
    }

    @Override
    public void markHeard(long messageId) throws VoicemailException {
      failIfAsked();
      heard.add(messageId);
      messages.replaceAll(m -> m.id() == messageId ? m.asHeard() : m);
    }

    @Override
    public void delete(long messageId) throws VoicemailException {
      failIfAsked();
      deleted.add(messageId);
      messages.removeIf(m -> m.id() == messageId);
    }

    @Override
    public void uploadGreeting(Path wav) throws VoicemailException {
      failIfAsked();
      greetings.add(wav);
    }
  }

  private static final class FakePlayer implements AudioPlayer {
    AudioPlayer.Progress progress;
    int fromSample = -1;
    int rateHz;
    int plays;
    boolean stopped;

    @Override
    public Playing play(short[] pcm, int rateHz, int fromSample, Progress progress) {
      this.progress = progress;
      this.fromSample = fromSample;
      this.rateHz = rateHz;
      this.plays++;
      this.stopped = false;
      return () -> stopped = true;
    }
  }

  private static final class FakeRecorder implements GreetingRecorder {
    final Path file = Path.of("greeting.wav");
    boolean recording;

    @Override
    public void start() {
      recording = true;
    }

    @Override
    public Path stop() {
      recording = false;
      return file;
    }
  }
}
