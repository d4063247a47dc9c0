package org.parley.core.call;

import java.util.Arrays;
import org.parley.media.recording.CallRecorder;
import org.parley.media.resample.PolyphaseResampler;

/**
 * Where a call's audio is copied for recording: the microphone side as the stream reads it and the
 * far side as the stream plays it, each made mono and brought to the recorder's rate. Costs one
 * volatile read per frame while nothing records.
 */
final class RecordingTap {

  private volatile Side local;
  private volatile Side remote;
  private volatile CallRecorder recorder;

  void attach(CallRecorder target, int rateHz) {
    local = new Side(rateHz);
    remote = new Side(rateHz);
    recorder = target;
  }

  void detach() {
    recorder = null;
  }

  /** Microphone-side samples, from the media thread that reads the source. */
  void local(short[] frame, int sampleCount, int rateHz, int channels) {
    CallRecorder target = recorder;
    if (target != null && sampleCount > 0) {
      short[] mono = local.convert(frame, sampleCount, rateHz, channels);
      target.acceptLocal(mono, mono.length);
    }
  }

  /** Far-side samples, from the thread that writes the sink. */
  void remote(short[] frame, int sampleCount, int rateHz, int channels) {
    CallRecorder target = recorder;
    if (target != null && sampleCount > 0) {
      short[] mono = remote.convert(frame, sampleCount, rateHz, channels);
      target.acceptRemote(mono, mono.length);
    }
  }

  /** One direction's conversion; used from one thread at a time. */
  private static final class Side {
    private final int outputRateHz;
    private PolyphaseResampler resampler;

    Side(int outputRateHz) {
      this.outputRateHz = outputRateHz;
    }

    short[] convert(short[] frame, int sampleCount, int rateHz, int channels) {
      short[] mono = downmix(frame, sampleCount, Math.max(1, channels));
      if (rateHz == outputRateHz) {
        return mono;
      }
      if (resampler == null || resampler.inputRateHz() != rateHz) {
        resampler = new PolyphaseResampler(rateHz, outputRateHz);
      }
      return resampler.process(mono);
    }

    private static short[] downmix(short[] frame, int sampleCount, int channels) {
      if (channels == 1) {
        return Arrays.copyOf(frame, sampleCount);
      }
      short[] mono = new short[sampleCount / channels];
      for (int i = 0; i < mono.length; i++) {
        int sum = 0;
        for (int c = 0; c < channels; c++) {
          sum += frame[i * channels + c];
        }
        mono[i] = (short) (sum / channels);
      }
      return mono;
    }
  }
}
