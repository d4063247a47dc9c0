package org.parley.media.device;

import java.io.IOException;
import java.util.Arrays;
import org.parley.media.audio.AudioSource;

/**
 * A microphone as an {@link AudioSource}: mono 16-bit PCM at the call's rate, converted when the
 * device only runs at 48 kHz. A device lost mid-call never throws into the call: the frame is
 * silence, capture moves to the system default and the listener hears about it.
 */
public final class DeviceCapture implements AudioSource {

  /** Bounds one frame's dropping, should a line keep reporting more than it can have captured. */
  static final int MAX_DROP_ROUNDS = 200;

  private final DeviceSession<CaptureLine> session;
  private final CallDeviceBuffers buffers;
  private final boolean dropsBacklog;
  private final int sampleRateHz;
  private final FramePacer pacer;
  private CaptureLine convertedLine;
  private LinearResampler resampler;
  private byte[] directBytes = new byte[0];
  private short[] input = new short[0];
  private byte[] inputBytes;
  private short[] converted;
  private short[] pending;
  private int pendingCount;
  private boolean closed;
  private byte[] discard = new byte[0];
  // At this source's rate; fractional because a line at another rate drops whole line samples.
  private double droppedSamples;

  /**
   * Captures from {@code device} at {@code sampleRateHz}, with {@link CallDeviceBuffers#DEFAULTS}.
   */
  public DeviceCapture(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener) {
    this(gateway, device, sampleRateHz, listener, CallDeviceBuffers.DEFAULTS);
  }

  /**
   * Captures from {@code device} at {@code sampleRateHz} through a line of {@code buffers}' size.
   */
  public DeviceCapture(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      CallDeviceBuffers buffers) {
    this(gateway, device, sampleRateHz, listener, buffers, FramePacer.sleeping());
  }

  DeviceCapture(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      CallDeviceBuffers buffers,
      FramePacer pacer) {
    this(gateway, device, sampleRateHz, listener, buffers, pacer, true);
  }

  private DeviceCapture(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      CallDeviceBuffers buffers,
      FramePacer pacer,
      boolean dropsBacklog) {
    if (device.kind() != AudioDevice.Kind.CAPTURE) {
      throw new IllegalArgumentException(device.name() + " is not a capture device");
    }
    this.buffers = buffers;
    this.dropsBacklog = dropsBacklog;
    this.session =
        new DeviceSession<>(
            (chosen, rateHz) -> gateway.openCapture(chosen, rateHz, buffers.lineMillis()),
            device,
            sampleRateHz,
            listener);
    this.sampleRateHz = sampleRateHz;
    this.pacer = pacer;
  }

  /**
   * Captures from {@code device} keeping every sample however late it is read, for a recording (a
   * greeting, a test) where what was said matters more than when: a sound server that delivers in
   * large chunks would otherwise lose whole words to the call's backlog rule.
   */
  public static DeviceCapture keepingEverything(
      AudioSystemGateway gateway,
      AudioDevice device,
      int sampleRateHz,
      AudioDeviceListener listener,
      CallDeviceBuffers buffers) {
    return new DeviceCapture(
        gateway, device, sampleRateHz, listener, buffers, FramePacer.sleeping(), false);
  }

  @Override
  public int sampleRateHz() {
    return sampleRateHz;
  }

  /** The device capture is on now: the chosen one, or the system default after a loss. */
  public synchronized AudioDevice currentDevice() {
    return session.currentDevice();
  }

  /** Fills the whole frame, from the device or, while none works, with paced silence. */
  @Override
  public synchronized int read(short[] frame) {
    if (closed) {
      return -1;
    }
    CaptureLine line = session.line();
    if (line != null) {
      try {
        if (dropsBacklog) {
          dropBacklog(line);
        }
        if (line.sampleRateHz() == sampleRateHz) {
          readDirect(line, frame);
        } else {
          readConverted(line, frame);
        }
        return frame.length;
      } catch (IOException e) {
        failedUnlessStopping(e);
      }
    }
    Arrays.fill(frame, (short) 0);
    pacer.pause(frame.length * 1_000_000_000L / sampleRateHz);
    return frame.length;
  }

  /** The backlog dropped so far, so the sender's RTP timestamps can step over it. */
  @Override
  public synchronized long droppedSamples() {
    return (long) droppedSamples;
  }

  @Override
  public synchronized void close() {
    closed = true;
    session.close();
  }

  // A call that ends stops its media threads by interrupting them, which cuts short the wait for a
  // read: that is the call's teardown, not a lost device to report and move away from.
  private void failedUnlessStopping(IOException e) {
    if (!Thread.currentThread().isInterrupted()) {
      session.failed(e);
    }
  }

  // Capture waiting longer than the limit is dropped rather than sent late: each frame reads one
  // frame's worth, so a backlog (from the line's start before the first read, or a stall) would
  // otherwise add its length to every later word of the call.
  // A line reports at most its own buffer. A sound server may hold more behind it (PulseAudio
  // keeps what the line could not take), which surfaces only as the line is read: so drop until
  // what the line reports is within the limit, not just once.
  private void dropBacklog(CaptureLine line) throws IOException {
    int bytesPerMilli = line.sampleRateHz() * 2 / 1000;
    for (int round = 0; round < MAX_DROP_ROUNDS; round++) {
      int waiting = line.availableBytes();
      if (waiting <= buffers.maxBacklogMillis() * bytesPerMilli) {
        return;
      }
      int drop =
          (waiting - CallDeviceBuffers.KEEP_MILLIS * bytesPerMilli) & ~1; // whole 16-bit samples
      if (discard.length < drop) {
        discard = new byte[drop];
      }
      line.readFully(discard, 0, drop);
      droppedSamples += drop / 2 * (double) sampleRateHz / line.sampleRateHz();
    }
  }

  private void readDirect(CaptureLine line, short[] frame) throws IOException {
    if (directBytes.length != 2 * frame.length) {
      directBytes = new byte[2 * frame.length];
    }
    line.readFully(directBytes, 0, directBytes.length);
    Pcm16.toSamples(directBytes, frame, frame.length);
  }

  private void readConverted(CaptureLine line, short[] frame) throws IOException {
    int chunk = (int) ((long) frame.length * line.sampleRateHz() / sampleRateHz) + 1;
    if (line != convertedLine || input.length != chunk) {
      convertedLine = line;
      resampler = new LinearResampler(line.sampleRateHz(), sampleRateHz);
      input = new short[chunk];
      inputBytes = new byte[2 * chunk];
      converted = new short[resampler.maxOutput(chunk)];
      pending = new short[frame.length + converted.length];
      pendingCount = 0;
    }
    while (pendingCount < frame.length) {
      line.readFully(inputBytes, 0, inputBytes.length);
      Pcm16.toSamples(inputBytes, input, chunk);
      int produced = resampler.process(input, chunk, converted);
      System.arraycopy(converted, 0, pending, pendingCount, produced);
      pendingCount += produced;
    }
    System.arraycopy(pending, 0, frame, 0, frame.length);
    pendingCount -= frame.length;
    System.arraycopy(pending, frame.length, pending, 0, pendingCount);
  }
}
