package org.parley.media.device;

import java.io.IOException;
import org.parley.media.audio.AudioSink;

/**
 * A speaker (or the ringer) as an {@link AudioSink}: mono 16-bit PCM at the call's rate, converted
 * when the device only runs at 48 kHz. A device lost mid-call never throws into the call: the frame
 * is dropped, playback moves to the system default and the listener hears about it.
 */
public final class DevicePlayback implements AudioSink {

  /**
   * Silence written ahead of the first frame on each newly opened line (a call's own priming comes
   * from its {@link CallDeviceBuffers}). A call writes one frame per frame time, so without it the
   * device holds a single frame and every scheduling hiccup is an audible gap; this is the slack
   * that absorbs them, at the price of as much latency.
   */
  static final int PRIME_MILLIS = 60;

  private final DeviceSession<PlaybackLine> session;
  private final int sampleRateHz;
  private final FramePacer pacer;
  private final int primeMillis;
  private final int maxQueuedMillis;
  private PlaybackLine convertedLine;
  private PlaybackLine primedLine;
  private LinearResampler resampler;
  private boolean closed;

  /** Plays to {@code device} at {@code sampleRateHz}; each write waits for room in the line. */
  public DevicePlayback(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener) {
    this(gateway, device, sampleRateHz, listener, FramePacer.sleeping());
  }

  /**
   * Plays to {@code device} for a call, through a line of {@code buffers}' size primed with its
   * {@link CallDeviceBuffers#primeMillis()}: the caller writes at its own clock (one frame per
   * frame time), so a frame that finds the line fuller than {@link
   * CallDeviceBuffers#maxQueuedMillis()} is dropped. The queue stays near the priming in a healthy
   * call; after a stall, the media thread's catching up would otherwise fill the line to its end
   * and keep that delay for the rest of the call.
   */
  public static DevicePlayback forCall(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      CallDeviceBuffers buffers) {
    return new DevicePlayback(
        gateway, device, sampleRateHz, listener, FramePacer.sleeping(), buffers);
  }

  /** Other writers (a file, the ringer) are paced by the line itself and always wait. */
  DevicePlayback(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      FramePacer pacer) {
    this(
        gateway::openPlayback,
        device,
        sampleRateHz,
        listener,
        pacer,
        PRIME_MILLIS,
        Integer.MAX_VALUE);
  }

  DevicePlayback(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      FramePacer pacer,
      CallDeviceBuffers buffers) {
    this(
        (chosen, rateHz) -> gateway.openPlayback(chosen, rateHz, buffers.lineMillis()),
        device,
        sampleRateHz,
        listener,
        pacer,
        buffers.primeMillis(),
        buffers.maxQueuedMillis());
  }

  private DevicePlayback(
      DeviceSession.Opener<PlaybackLine> opener,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      FramePacer pacer,
      int primeMillis,
      int maxQueuedMillis) {
    if (device.kind() != AudioDevice.Kind.PLAYBACK) {
      throw new IllegalArgumentException(device.name() + " is not a playback device");
    }
    this.session = new DeviceSession<>(opener, device, sampleRateHz, listener);
    this.sampleRateHz = sampleRateHz;
    this.pacer = pacer;
    this.primeMillis = primeMillis;
    this.maxQueuedMillis = maxQueuedMillis;
  }

  @Override
  public int sampleRateHz() {
    return sampleRateHz;
  }

  /** The device playback is on now: the chosen one, or the system default after a loss. */
  public synchronized AudioDevice currentDevice() {
    return session.currentDevice();
  }

  /** Plays the samples, or, while no device works, drops them at real-time pace. */
  @Override
  public synchronized void write(short[] frame, int sampleCount) {
    if (closed) {
      return;
    }
    PlaybackLine line = session.line();
    if (line != null) {
      try {
        play(line, frame, sampleCount);
        return;
      } catch (IOException e) {
        // A call that ends interrupts its media threads, which cuts short the wait for a write:
        // that is the call's teardown, not a lost device to report and move away from.
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        session.failed(e);
      }
    }
    pacer.pause(sampleCount * 1_000_000_000L / sampleRateHz);
  }

  @Override
  public synchronized void close() {
    closed = true;
    session.close();
  }

  private void play(PlaybackLine line, short[] frame, int sampleCount) throws IOException {
    if (line != primedLine) {
      primedLine = line;
      byte[] silence = new byte[2 * (line.sampleRateHz() * primeMillis / 1000)];
      line.writeFully(silence, 0, silence.length);
    } else if (line.queuedBytes() > (long) maxQueuedMillis * 2 * line.sampleRateHz() / 1000) {
      return;
    }
    short[] samples = frame;
    int count = sampleCount;
    if (line.sampleRateHz() != sampleRateHz) {
      if (line != convertedLine) {
        convertedLine = line;
        resampler = new LinearResampler(sampleRateHz, line.sampleRateHz());
      }
      samples = new short[resampler.maxOutput(sampleCount)];
      count = resampler.process(frame, sampleCount, samples);
    }
    byte[] bytes = new byte[2 * count];
    Pcm16.toBytes(samples, count, bytes);
    line.writeFully(bytes, 0, bytes.length);
  }
}
