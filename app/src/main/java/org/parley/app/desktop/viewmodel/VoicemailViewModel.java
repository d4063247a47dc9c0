package org.parley.app.desktop.viewmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.voicemail.MessageSummary;
import org.parley.core.voicemail.VoicemailException;
import org.parley.core.voicemail.VoicemailMessage;
import org.parley.media.wav.WavFileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voicemail inbox: the mailbox's messages (caller, time, duration, unheard), playback of the
 * selected one with its waveform and position, call back, delete, save as, a new greeting, and the
 * message-waiting count for the badge. Network and file work runs on {@code background}, results
 * come back on {@code ui}.
 */
public final class VoicemailViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailViewModel.class);
  static final int WAVEFORM_SLICES = 400;

  /**
   * One message as the list shows it.
   *
   * @param caller the contact's name where known, else the caller's display name or URI
   * @param description caller, time, duration and state in words, for screen readers
   */
  public record Entry(
      VoicemailMessage message,
      String caller,
      String time,
      String duration,
      boolean unheard,
      String description) {}

  private final Mailbox mailbox;
  private final AudioPlayer player;
  private final GreetingRecorder recorder;
  private final Consumer<String> dial;
  private final Function<String, Optional<String>> contactName;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;
  private final DateTimeFormatter time;

  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
  private final IntegerProperty waiting = new SimpleIntegerProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final ObjectProperty<double[]> peaks = new SimpleObjectProperty<>(new double[0]);
  private final LongProperty positionMillis = new SimpleLongProperty();
  private final LongProperty durationMillis = new SimpleLongProperty();
  private final BooleanProperty playing = new SimpleBooleanProperty();
  private final BooleanProperty recording = new SimpleBooleanProperty();

  // UI thread only.
  private Loaded loaded;
  private AudioPlayer.Playing current;
  private int generation;

  /** The decoded audio of the message in the player. */
  private record Loaded(long messageId, short[] pcm, int rateHz) {}

  public VoicemailViewModel(
      Mailbox mailbox,
      AudioPlayer player,
      GreetingRecorder recorder,
      Consumer<String> dial,
      Function<String, Optional<String>> contactName,
      Executor background,
      Executor ui,
      Texts texts,
      ZoneId zone) {
    this.mailbox = mailbox;
    this.player = player;
    this.recorder = recorder;
    this.dial = dial;
    this.contactName = contactName;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    this.time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withLocale(texts.locale())
            .withZone(zone);
  }

  /** Reads the mailbox again (the cached list when the server cannot be reached). */
  public void reload() {
    background.execute(
        () -> {
          List<VoicemailMessage> messages;
          String problem = "";
          try {
            messages = mailbox.list();
          } catch (VoicemailException e) {
            problem = errorText(e);
            messages = cachedOrEmpty();
          }
          List<VoicemailMessage> shown = messages;
          String shownProblem = problem;
          ui.execute(() -> show(shown, shownProblem));
        });
  }

  private List<VoicemailMessage> cachedOrEmpty() {
    try {
      return mailbox.cachedList();
    } catch (VoicemailException e) {
      LOG.warn("No cached voicemail list: {}", e.getMessage());
      return List.of();
    }
  }

  private void show(List<VoicemailMessage> messages, String problem) {
    Long selectedId = selected.get() == null ? null : selected.get().message().id();
    entries.setAll(messages.stream().map(this::entry).toList());
    waiting.set((int) messages.stream().filter(m -> !m.heard()).count());
    entries.stream()
        .filter(e -> selectedId != null && e.message().id() == selectedId)
        .findFirst()
        .ifPresent(selected::set);
    status.set(problem);
  }

  private Entry entry(VoicemailMessage message) {
    String caller =
        contactName
            .apply(message.callerUri())
            .or(() -> Optional.of(message.callerName()).filter(name -> !name.isEmpty()))
            .orElse(message.callerUri());
    long seconds = Math.round(message.durationSeconds());
    String duration = String.format("%d:%02d", seconds / 60, seconds % 60);
    String when = time.format(message.receivedAt());
    String description =
        texts.text(
            message.heard() ? "ui.voicemail.entry" : "ui.voicemail.entryUnheard",
            caller,
            when,
            duration);
    return new Entry(message, caller, when, duration, !message.heard(), description);
  }

  /** The message-waiting indication changed (on the UI thread): the badge follows, the list too. */
  public void onSummary(MessageSummary summary) {
    waiting.set(summary.newMessages());
    reload();
  }

  /** Plays the selected message from where it was paused, or from its start. */
  public void play() {
    Entry entry = selected.get();
    if (entry == null || playing.get()) {
      return;
    }
    long id = entry.message().id();
    if (loaded != null && loaded.messageId() == id) {
      startPlayer(loaded, positionMillis.get());
      return;
    }
    int token = ++generation;
    status.set(texts.text("ui.voicemail.loading"));
    background.execute(
        () -> {
          try {
            Loaded audio = decode(id, mailbox.audio(id));
            double[] outline = Waveform.peaks(audio.pcm(), WAVEFORM_SLICES);
            ui.execute(
                () -> {
                  if (token != generation) {
                    return; // another message was chosen meanwhile
                  }
                  loaded = audio;
                  peaks.set(outline);
                  durationMillis.set(audio.pcm().length * 1000L / audio.rateHz());
                  positionMillis.set(0);
                  status.set("");
                  startPlayer(audio, 0);
                });
          } catch (VoicemailException e) {
            ui.execute(() -> status.set(errorText(e)));
          } catch (IOException e) {
            LOG.warn("Cannot read voicemail audio {}", id, e);
            ui.execute(() -> status.set(texts.text("ui.voicemail.error.audio")));
          }
        });
  }

  private static Loaded decode(long id, Path wav) throws IOException {
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount() * source.channels()];
      int read = source.read(pcm);
      short[] mono = new short[Math.max(0, read) / source.channels()];
      for (int i = 0; i < mono.length; i++) {
        mono[i] = pcm[i * source.channels()];
      }
      return new Loaded(id, mono, source.sampleRateHz());
    }
  }

  private void startPlayer(Loaded audio, long fromMillis) {
    int from = (int) Math.min(audio.pcm().length, fromMillis * audio.rateHz() / 1000);
    if (from >= audio.pcm().length) {
      from = 0;
    }
    int token = ++generation;
    playing.set(true);
    current =
        player.play(
            audio.pcm(),
            audio.rateHz(),
            from,
            new AudioPlayer.Progress() {
              @Override
              public void at(int sample) {
                ui.execute(
                    () -> {
                      if (token == generation) {
                        positionMillis.set(sample * 1000L / audio.rateHz());
                      }
                    });
              }

              @Override
              public void ended() {
                ui.execute(
                    () -> {
                      if (token == generation) {
                        finished(audio);
                      }
                    });
              }
            });
  }

  private void finished(Loaded audio) {
    current = null;
    playing.set(false);
    positionMillis.set(durationMillis.get());
    entries.stream()
        .filter(e -> e.message().id() == audio.messageId() && e.unheard())
        .findFirst()
        .ifPresent(this::markHeard);
  }

  private void markHeard(Entry entry) {
    background.execute(
        () -> {
          try {
            mailbox.markHeard(entry.message().id());
            ui.execute(() -> replace(entry, entry(entry.message().asHeard())));
          } catch (VoicemailException e) {
            ui.execute(() -> status.set(errorText(e)));
          }
        });
  }

  private void replace(Entry old, Entry updated) {
    int index = entries.indexOf(old);
    if (index >= 0) {
      entries.set(index, updated);
      if (selected.get() == old) {
        selected.set(updated);
      }
    }
    waiting.set((int) entries.stream().filter(Entry::unheard).count());
  }

  /** Pauses playback, keeping the position. */
  public void pause() {
    stopPlayer();
  }

  /** Plays when paused, pauses when playing. */
  public void togglePlay() {
    if (playing.get()) {
      pause();
    } else {
      play();
    }
  }

  /** Moves the position to {@code fraction} (0..1) of the message, playing on if it played. */
  public void seek(double fraction) {
    if (loaded == null || durationMillis.get() == 0) {
      return;
    }
    long target = Math.round(Math.max(0, Math.min(1, fraction)) * durationMillis.get());
    boolean wasPlaying = playing.get();
    stopPlayer();
    positionMillis.set(target);
    if (wasPlaying) {
      startPlayer(loaded, target);
    }
  }

  private void stopPlayer() {
    generation++;
    if (current != null) {
      current.stop();
      current = null;
    }
    playing.set(false);
  }

  /** Another message was selected: the player stops and forgets the previous audio. */
  public void select(Entry entry) {
    if (entry != null && loaded != null && entry.message().id() == loaded.messageId()) {
      selected.set(entry);
      return;
    }
    stopPlayer();
    loaded = null;
    peaks.set(new double[0]);
    positionMillis.set(0);
    durationMillis.set(entry == null ? 0 : entry.message().duration().toMillis());
    selected.set(entry);
  }

  /** Calls the selected message's caller. */
  public void callBack() {
    Entry entry = selected.get();
    if (entry != null) {
      dial.accept(entry.message().callerUri());
    }
  }

  /** Deletes the selected message on the server (and from the cache). */
  public void delete() {
    Entry entry = selected.get();
    if (entry == null) {
      return;
    }
    select(null);
    background.execute(
        () -> {
          try {
            mailbox.delete(entry.message().id());
            ui.execute(
                () -> {
                  entries.remove(entry);
                  waiting.set((int) entries.stream().filter(Entry::unheard).count());
                  status.set(texts.text("ui.voicemail.deleted"));
                });
          } catch (VoicemailException e) {
            ui.execute(() -> status.set(errorText(e)));
          }
        });
  }

  /** Copies the selected message's audio (WAV) to {@code target}. */
  public void saveAs(Path target) {
    Entry entry = selected.get();
    if (entry == null) {
      return;
    }
    background.execute(
        () -> {
          try {
            Files.copy(
                mailbox.audio(entry.message().id()), target, StandardCopyOption.REPLACE_EXISTING);
            ui.execute(() -> status.set(texts.text("ui.voicemail.saved", target.getFileName())));
          } catch (VoicemailException e) {
            ui.execute(() -> status.set(errorText(e)));
          } catch (IOException e) {
            LOG.warn("Cannot save a voicemail message to {}", target, e);
            ui.execute(() -> status.set(texts.text("ui.voicemail.error.save", target)));
          }
        });
  }

  /** Starts recording a greeting, or stops it and uploads it. */
  public void toggleGreetingRecording() {
    if (!recording.get()) {
      try {
        recorder.start();
        recording.set(true);
        status.set(texts.text("ui.voicemail.greeting.recording"));
      } catch (IOException e) {
        LOG.warn("Cannot record a greeting", e);
        status.set(texts.text("ui.voicemail.error.record"));
      }
      return;
    }
    recording.set(false);
    status.set(texts.text("ui.voicemail.greeting.uploading"));
    background.execute(
        () -> {
          try {
            mailbox.uploadGreeting(recorder.stop());
            ui.execute(() -> status.set(texts.text("ui.voicemail.greeting.uploaded")));
          } catch (VoicemailException e) {
            ui.execute(() -> status.set(errorText(e)));
          } catch (IOException e) {
            LOG.warn("Cannot finish the greeting", e);
            ui.execute(() -> status.set(texts.text("ui.voicemail.error.record")));
          }
        });
  }

  private String errorText(VoicemailException e) {
    return texts.text("ui.voicemail.error." + e.reason().name().toLowerCase(java.util.Locale.ROOT));
  }

  public ObservableList<Entry> entries() {
    return entries;
  }

  public ReadOnlyObjectProperty<Entry> selectedProperty() {
    return selected;
  }

  /** Unheard messages: the badge. */
  public ReadOnlyIntegerProperty waitingProperty() {
    return waiting;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  /** The loaded message's peaks (0..1) for the waveform; empty before it is loaded. */
  public ReadOnlyObjectProperty<double[]> peaksProperty() {
    return peaks;
  }

  public ReadOnlyLongProperty positionMillisProperty() {
    return positionMillis;
  }

  public ReadOnlyLongProperty durationMillisProperty() {
    return durationMillis;
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing;
  }

  public ReadOnlyBooleanProperty recordingProperty() {
    return recording;
  }
}
