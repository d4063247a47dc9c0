package org.parley.app.desktop.viewmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * Recording the selected call to a stereo WAV in the recordings folder (ours left, theirs right),
 * started and stopped at will; the call's end stops it. Runs on the UI thread, owned by {@link
 * CallsViewModel}; opening and closing the file happen on the background executor.
 */
public final class RecordingViewModel {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss");

  private final CallsViewModel calls;
  private final Texts texts;
  private final Executor background;
  private final Executor ui;
  private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private Path folder;

  RecordingViewModel(CallsViewModel calls, Texts texts, Executor background, Executor ui) {
    this.calls = calls;
    this.texts = texts;
    this.background = background;
    this.ui = ui;
    calls.selectedProperty().addListener((property, was, now) -> showStateOf(now));
    calls
        .lines()
        .addListener(
            (ListChangeListener<CallLine>)
                change -> {
                  while (change.next()) {
                    change.getRemoved().forEach(this::ended);
                  }
                });
  }

  /** Where recordings go (created when the first one starts). */
  public void saveIn(Path recordingsFolder) {
    this.folder = recordingsFolder;
  }

  /** Starts recording the selected call, or stops the recording that runs. */
  public void toggle() {
    CallLine line = calls.selectedLine();
    if (line == null || line.call() == null || !line.establishedProperty().get()) {
      status.set(texts.text("record.error.notConnected"));
      return;
    }
    ActiveCall call = line.call();
    if (line.recordingFile != null) {
      background.execute(call::stopRecording);
      saved(line);
      return;
    }
    if (folder == null) {
      status.set(texts.text("record.error.failed", "no recordings folder"));
      return;
    }
    Path into = folder;
    Path file = into.resolve(fileName(line));
    background.execute(
        () -> {
          try {
            Files.createDirectories(into);
            call.startRecording(file);
            ui.execute(() -> started(line, file));
          } catch (IOException | IllegalStateException e) {
            ui.execute(() -> status.set(texts.text("record.error.failed", e.getMessage())));
          }
        });
  }

  private void started(CallLine line, Path file) {
    line.recordingFile = file;
    showStateOf(calls.selectedLine());
    status.set(texts.text("record.state.recording", file.getFileName()));
  }

  private void ended(CallLine line) {
    if (line.recordingFile != null) {
      saved(line); // the core stopped it with the call
    }
  }

  private void saved(CallLine line) {
    status.set(texts.text("record.state.saved", line.recordingFile));
    line.recordingFile = null;
    showStateOf(calls.selectedLine());
  }

  private void showStateOf(CallLine line) {
    recording.set(line != null && line.recordingFile != null);
  }

  private static String fileName(CallLine line) {
    String peer = line.peerProperty().get().replaceAll("[^\\p{L}\\p{N}@._+-]+", "_");
    return LocalDateTime.now().format(FILE_TIME) + " " + peer + ".wav";
  }

  /** Whether the selected call is being recorded. */
  public ReadOnlyBooleanProperty recordingProperty() {
    return recording.getReadOnlyProperty();
  }

  /** What happened last: recording to which file, saved where, or why not. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
