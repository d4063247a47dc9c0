package org.parley.core.call;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.parley.media.audio.AudioSink;
import org.parley.media.ffmpeg.OggOpusFileSink;
import org.parley.media.recording.CallRecorder;
import org.parley.media.wav.WavFileSink;

/**
 * Records a call's two directions to a file, started and stopped at any point of the call: WAV
 * ({@code .wav}) or Ogg Opus ({@code .ogg}, {@code .opus}), both sides mixed or one per stereo
 * channel (ours left, theirs right). The call's end stops it.
 */
public final class CallRecording {

  /** How the two directions share the file. */
  public enum Layout {
    /** Both sides in one mono channel. */
    MIXED,
    /** Our side on the left channel, the far side on the right. */
    STEREO
  }

  /** 16 kHz keeps wideband calls whole; narrowband ones are upsampled. */
  static final int RATE_HZ = 16_000;

  private final Supplier<CallAudio> audio;
  private CallRecorder recorder;
  private RecordingTap tap;
  private ScheduledExecutorService writer;
  private Path file;

  CallRecording(Supplier<CallAudio> audio) {
    this.audio = audio;
  }

  /**
   * Starts recording into {@code file}, replacing it.
   *
   * @throws IllegalStateException if the call has no audio yet or already records
   * @throws IOException if the file cannot be created
   */
  public synchronized void start(Path file, Layout layout) throws IOException {
    CallAudio current = audio.get();
    if (current == null || !current.started()) {
      throw new IllegalStateException("The call has no audio to record yet");
    }
    if (recorder != null) {
      throw new IllegalStateException("Already recording to " + this.file);
    }
    int channels = layout == Layout.STEREO ? 2 : 1;
    AudioSink sink = open(file, channels);
    CallRecorder started = new CallRecorder(RATE_HZ);
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "call-recording");
              t.setDaemon(true);
              return t;
            });
    started.start(sink, thread);
    current.recordingTap().attach(started, RATE_HZ);
    this.recorder = started;
    this.tap = current.recordingTap();
    this.writer = thread;
    this.file = file;
  }

  /** Stops recording and closes the file; does nothing when not recording. */
  public synchronized void stop() {
    if (recorder == null) {
      return;
    }
    tap.detach();
    try {
      recorder.stop();
    } finally {
      writer.shutdownNow();
      recorder = null;
      tap = null;
      writer = null;
    }
  }

  /** Whether a recording runs. */
  public synchronized boolean active() {
    return recorder != null;
  }

  private static AudioSink open(Path file, int channels) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ogg") || name.endsWith(".opus")) {
      try {
        return new OggOpusFileSink(
            file, RATE_HZ, channels, OggOpusFileSink.DEFAULT_BITRATE_BPS * channels);
      } catch (RuntimeException e) {
        throw new IOException("Cannot write Ogg Opus to " + file + ": " + e.getMessage(), e);
      }
    }
    return WavFileSink.create(file, RATE_HZ, channels);
  }
}
