package org.parley.app.desktop.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.parley.app.desktop.viewmodel.GreetingRecorder;
import org.parley.media.audio.AudioSource;
import org.parley.media.resample.ResamplingSource;
import org.parley.media.wav.WavFileSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a greeting from the microphone calls use into an 8 kHz mono WAV file, the format the
 * mailbox takes (docs/voicemail-api.md), stopping by itself at the mailbox's 60 s limit.
 */
public final class MicrophoneGreetingRecorder implements GreetingRecorder, AutoCloseable {

  static final int RATE_HZ = 8000;
  static final int MAX_SECONDS = 60;
  private static final Logger LOG = LoggerFactory.getLogger(MicrophoneGreetingRecorder.class);

  private final Supplier<AudioSource> microphone;
  private final Path file;
  private final FrameClock clock = new FrameClock("parley-greeting-recorder");
  private Recording current; // guarded by this

  /**
   * @param microphone opens the chosen capture device
   * @param file where the greeting is written (replaced by each recording)
   */
  public MicrophoneGreetingRecorder(Supplier<AudioSource> microphone, Path file) {
    this.microphone = microphone;
    this.file = file;
  }

  @Override
  public synchronized void start() throws IOException {
    if (current != null) {
      current.finish();
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    WavFileSink sink = WavFileSink.create(file, RATE_HZ, 1);
    AudioSource device = microphone.get();
    AudioSource source =
        device.sampleRateHz() == RATE_HZ ? device : new ResamplingSource(device, RATE_HZ);
    current = new Recording(source, sink);
    current.schedule();
  }

  @Override
  public synchronized Path stop() throws IOException {
    Recording recording = current;
    current = null;
    if (recording == null) {
      throw new IOException("No greeting is being recorded");
    }
    long samples = recording.finish();
    if (samples == 0) {
      throw new IOException("The microphone gave no sound");
    }
    return file;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.finish();
      current = null;
    }
    clock.close();
  }

  /** One greeting being recorded. */
  private final class Recording {
    private final AudioSource source;
    private final WavFileSink sink;
    private final short[] frame = new short[RATE_HZ * FrameClock.FRAME_MILLIS / 1000];
    private ScheduledFuture<?> future;
    private long samples;
    private boolean finished;

    Recording(AudioSource source, WavFileSink sink) {
      this.source = source;
      this.sink = sink;
    }

    synchronized void schedule() {
      future = clock.everyFrame(this::tick);
    }

    // On the clock's thread.
    synchronized void tick() {
      if (finished || samples >= (long) RATE_HZ * MAX_SECONDS) {
        return;
      }
      try {
        int read = source.read(frame);
        if (read > 0) {
          sink.write(frame, read);
          samples += read;
        }
      } catch (RuntimeException e) {
        // The thread root of recording: a failing device ends the greeting where it is.
        LOG.warn("Greeting recording failed", e);
        finished = true;
        future.cancel(false);
      }
    }

    synchronized long finish() {
      finished = true;
      if (future != null) {
        future.cancel(false);
      }
      source.close();
      sink.close();
      return samples;
    }
  }
}
