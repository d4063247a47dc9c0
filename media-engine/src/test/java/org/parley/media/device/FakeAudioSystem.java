package org.parley.media.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sound.sampled.LineUnavailableException;

/**
 * Stands in for the operating system's audio: devices that can be plugged, unplugged and limited to
 * certain rates. Each capture device delivers a constant level, its signature, so a test can tell
 * which device a frame came from.
 */
final class FakeAudioSystem implements AudioSystemGateway {

  /** What a fake device can do. */
  static final class FakeDevice {
    final AudioDevice device;
    final short level;
    final Set<Integer> ratesHz = new HashSet<>(Set.of(8000, 16_000, 48_000));
    boolean present = true;
    int readsBeforeFailure = Integer.MAX_VALUE;

    /** Captured bytes waiting, in the line and behind it. */
    int backlogBytes;

    /**
     * The most {@code available()} reports, like a line whose sound server holds more behind it
     * (PulseAudio keeps what the line's own buffer cannot take); unlimited by default.
     */
    int lineBufferBytes = Integer.MAX_VALUE;

    /** Bytes written and not played yet, as the playback line reports them (set by tests). */
    int queuedBytes;

    long bytesRead;
    final ByteArrayOutputStream played = new ByteArrayOutputStream();

    FakeDevice(AudioDevice device, short level) {
      this.device = device;
      this.level = level;
    }
  }

  private final Map<AudioDevice, FakeDevice> devices = new HashMap<>();
  final List<String> opened = new ArrayList<>();

  /** The buffer size each line opened with a size asked for (a call's lines), in order. */
  final List<Integer> lineMillis = new ArrayList<>();

  FakeDevice add(AudioDevice device, int level) {
    FakeDevice fake = new FakeDevice(device, (short) level);
    devices.put(device, fake);
    return fake;
  }

  @Override
  public List<AudioDevice> devices(AudioDevice.Kind kind) {
    return devices.values().stream()
        .filter(d -> d.present && !d.device.isSystemDefault() && d.device.kind() == kind)
        .map(d -> d.device)
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .toList();
  }

  @Override
  public CaptureLine openCapture(AudioDevice device, int sampleRateHz)
      throws LineUnavailableException {
    FakeDevice fake = openable(device, sampleRateHz);
    return new CaptureLine() {
      @Override
      public int sampleRateHz() {
        return sampleRateHz;
      }

      @Override
      public void readFully(byte[] buffer, int offset, int length) throws IOException {
        if (!fake.present || fake.readsBeforeFailure-- <= 0) {
          throw new IOException(device.name() + " was unplugged");
        }
        for (int i = offset; i < offset + length; i += 2) {
          buffer[i] = (byte) fake.level;
          buffer[i + 1] = (byte) (fake.level >> 8);
        }
        fake.backlogBytes = Math.max(0, fake.backlogBytes - length);
        fake.bytesRead += length;
      }

      @Override
      public int availableBytes() {
        return Math.min(fake.backlogBytes, fake.lineBufferBytes);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CaptureLine openCapture(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    CaptureLine line = openCapture(device, sampleRateHz);
    lineMillis.add(bufferMillis);
    return line;
  }

  @Override
  public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    PlaybackLine line = openPlayback(device, sampleRateHz);
    lineMillis.add(bufferMillis);
    return line;
  }

  @Override
  public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz)
      throws LineUnavailableException {
    FakeDevice fake = openable(device, sampleRateHz);
    return new PlaybackLine() {
      @Override
      public int sampleRateHz() {
        return sampleRateHz;
      }

      @Override
      public void writeFully(byte[] buffer, int offset, int length) throws IOException {
        if (!fake.present || fake.readsBeforeFailure-- <= 0) {
          throw new IOException(device.name() + " was unplugged");
        }
        fake.played.write(buffer, offset, length);
      }

      @Override
      public int queuedBytes() {
        return fake.queuedBytes;
      }

      @Override
      public void close() {}
    };
  }

  private FakeDevice openable(AudioDevice device, int sampleRateHz)
      throws LineUnavailableException {
    FakeDevice fake = devices.get(device);
    if (fake == null || !fake.present) {
      throw new LineUnavailableException(device.name() + " is not present");
    }
    if (!fake.ratesHz.contains(sampleRateHz)) {
      throw new LineUnavailableException(device.name() + " cannot run at " + sampleRateHz);
    }
    opened.add(device.name() + "@" + sampleRateHz);
    return fake;
  }
}
