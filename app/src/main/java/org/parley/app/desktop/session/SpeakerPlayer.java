package org.parley.app.desktop.session;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.parley.app.desktop.viewmodel.AudioPlayer;
import org.parley.media.audio.AudioSink;
import org.parley.media.resample.ResamplingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays voicemail messages to the speaker calls use, one 20 ms frame per tick, resampled to the
 * device's rate. One playback at a time: starting another stops the first.
 */
public final class SpeakerPlayer implements AudioPlayer, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SpeakerPlayer.class);

  private final Supplier<AudioSink> speaker;
  private final FrameClock clock = new FrameClock("parley-voicemail-player");
  private Run current; // guarded by this

  /**
   * @param speaker opens the chosen playback device for one message
   */
  public SpeakerPlayer(Supplier<AudioSink> speaker) {
    this.speaker = speaker;
  }

  @Override
  public synchronized Playing play(short[] pcm, int rateHz, int fromSample, Progress progress) {
    if (current != null) {
      current.stop();
    }
    Run run = new Run(pcm, rateHz, fromSample, progress);
    current = run;
    run.schedule();
    return run::stop;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.stop();
    }
    clock.close();
  }

  /** One message being played. */
  private final class Run {
    private final short[] pcm;
    private final int rateHz;
    private final int frameSamples;
    private final Progress progress;
    private int position;
    private AudioSink sink;
    private ScheduledFuture<?> future;
    private boolean stopped; // guarded by Run.this

    Run(short[] pcm, int rateHz, int fromSample, Progress progress) {
      this.pcm = pcm;
      this.rateHz = rateHz;
      this.frameSamples = rateHz * FrameClock.FRAME_MILLIS / 1000;
      this.position = fromSample;
      this.progress = progress;
    }

    // Under the run's lock, so the first tick cannot end the run before its future is known.
    synchronized void schedule() {
      future = clock.everyFrame(this::tick);
    }

    // On the clock's thread.
    synchronized void tick() {
      if (stopped) {
        return;
      }
      try {
        if (sink == null) {
          AudioSink device = speaker.get();
          sink = device.sampleRateHz() == rateHz ? device : new ResamplingSink(rateHz, device);
        }
        progress.at(position);
        if (position >= pcm.length) {
          finish();
          progress.ended();
          return;
        }
        int count = Math.min(frameSamples, pcm.length - position);
        short[] frame = new short[count];
        System.arraycopy(pcm, position, frame, 0, count);
        sink.write(frame, count);
        position += count;
      } catch (RuntimeException e) {
        // The thread root of playback: a failing device ends this message, not the clock.
        LOG.warn("Voicemail playback failed", e);
        finish();
        progress.ended();
      }
    }

    synchronized void stop() {
      if (!stopped) {
        finish();
      }
    }

    private void finish() {
      stopped = true;
      if (future != null) {
        future.cancel(false);
      }
      AudioSink open = sink;
      sink = null;
      if (open != null) {
        clock.later(open::close);
      }
    }
  }
}
