package org.parley.media.device;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The real devices, through javax.sound.sampled. The system default opens a line without naming a
 * mixer, so it follows whatever the OS (ALSA's or PulseAudio's default) points at when opened.
 */
public final class JavaSoundGateway implements AudioSystemGateway {

  /** A line that takes or gives nothing for this long is treated as a lost device. */
  static final long STALL_MILLIS = 2_000;

  /**
   * The same for a line's first read or write: some start slowly (a PulseAudio null sink's monitor
   * delivers its first capture after up to two seconds).
   */
  static final long START_GRACE_MILLIS = 4_000;

  @Override
  public List<AudioDevice> devices(AudioDevice.Kind kind) {
    Class<?> lineClass = lineClass(kind);
    List<AudioDevice> devices = new ArrayList<>();
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      Line.Info[] lines =
          kind == AudioDevice.Kind.CAPTURE ? mixer.getTargetLineInfo() : mixer.getSourceLineInfo();
      int index = 0;
      for (Line.Info line : lines) {
        if (line instanceof DataLine.Info && lineClass.isAssignableFrom(line.getLineClass())) {
          devices.add(new AudioDevice(kind, info.getName(), index++));
        }
      }
    }
    return List.copyOf(devices);
  }

  @Override
  public CaptureLine openCapture(AudioDevice device, int sampleRateHz)
      throws LineUnavailableException {
    return openCapture(device, sampleRateHz, CallDeviceBuffers.RINGER_LINE_MILLIS);
  }

  @Override
  public CaptureLine openCapture(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    AudioFormat format = format(sampleRateHz);
    TargetDataLine line = (TargetDataLine) line(device, TargetDataLine.class, format);
    line.open(format, bufferBytes(sampleRateHz, bufferMillis));
    line.start();
    StallGuard guard = new StallGuard(device.name(), STALL_MILLIS, START_GRACE_MILLIS);
    return new CaptureLine() {
      @Override
      public int sampleRateHz() {
        return sampleRateHz;
      }

      @Override
      public void readFully(byte[] buffer, int offset, int length) throws IOException {
        guard.run(
            () -> readBlocking(buffer, offset, length),
            "capture line on " + device.name() + " stopped delivering");
      }

      @Override
      public int availableBytes() {
        return line.available();
      }

      private void readBlocking(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
          // A line closed or stopped under us (device unplugged) returns short and stays short.
          int read = line.read(buffer, offset + done, length - done);
          if (read <= 0 || !line.isOpen()) {
            throw new IOException("capture line on " + device.name() + " stopped delivering");
          }
          done += read;
        }
      }

      @Override
      public void close() {
        guard.close(line::close);
      }
    };
  }

  @Override
  public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz)
      throws LineUnavailableException {
    return openPlayback(device, sampleRateHz, CallDeviceBuffers.RINGER_LINE_MILLIS);
  }

  @Override
  public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz, int bufferMillis)
      throws LineUnavailableException {
    AudioFormat format = format(sampleRateHz);
    SourceDataLine line = (SourceDataLine) line(device, SourceDataLine.class, format);
    line.open(format, bufferBytes(sampleRateHz, bufferMillis));
    line.start();
    StallGuard guard = new StallGuard(device.name(), STALL_MILLIS, START_GRACE_MILLIS);
    return new PlaybackLine() {
      @Override
      public int sampleRateHz() {
        return sampleRateHz;
      }

      @Override
      public void writeFully(byte[] buffer, int offset, int length) throws IOException {
        guard.run(
            () -> writeBlocking(buffer, offset, length),
            "playback line on " + device.name() + " stopped taking audio");
      }

      @Override
      public int queuedBytes() {
        return Math.max(0, line.getBufferSize() - line.available());
      }

      private void writeBlocking(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
          int written = line.write(buffer, offset + done, length - done);
          if (written <= 0 || !line.isOpen()) {
            throw new IOException("playback line on " + device.name() + " stopped taking audio");
          }
          done += written;
        }
      }

      @Override
      public void close() {
        guard.close(line::close);
      }
    };
  }

  private static Line line(AudioDevice device, Class<? extends DataLine> type, AudioFormat format)
      throws LineUnavailableException {
    DataLine.Info info = new DataLine.Info(type, format);
    try {
      if (device.isSystemDefault()) {
        return AudioSystem.getLine(info);
      }
      for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
        if (mixerInfo.getName().equals(device.mixerName())) {
          return AudioSystem.getMixer(mixerInfo).getLine(info);
        }
      }
    } catch (IllegalArgumentException e) {
      // javax.sound reports "no line supports this format" this way.
      LineUnavailableException unavailable =
          new LineUnavailableException(device.name() + " cannot do " + format);
      unavailable.initCause(e);
      throw unavailable;
    }
    throw new LineUnavailableException(device.name() + " is not present");
  }

  private static Class<?> lineClass(AudioDevice.Kind kind) {
    return kind == AudioDevice.Kind.CAPTURE ? TargetDataLine.class : SourceDataLine.class;
  }

  private static AudioFormat format(int sampleRateHz) {
    return new AudioFormat(sampleRateHz, 16, 1, true, false);
  }

  private static int bufferBytes(int sampleRateHz, int bufferMillis) {
    return sampleRateHz * 2 * bufferMillis / 1000;
  }
}
