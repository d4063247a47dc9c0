package org.parley.media.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.filter.LevelMeter;
import org.parley.media.testing.PulseAudioRoom;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/**
 * Runs in a child JVM whose environment points at a private PulseAudio daemon: plays a WAV to the
 * system default speaker while it records the system default microphone (the sink's monitor) to
 * another WAV, each on its own thread as in a call, and writes what the level meter and the device
 * listener saw to a report file.
 *
 * <p>Arguments: {@code play.wav record.wav report.txt [device-name [restart-at-frame]]}; with a
 * frame number, the daemon is killed at that frame and started again half a second later, as when a
 * headset is unplugged and plugged back in.
 */
public final class RealDeviceProbe {

  static final int RATE_HZ = 16_000;
  static final int FRAME_SAMPLES = RATE_HZ / 50;
  static final String SINK_AFTER_RESTART = "parley_room_again";

  /**
   * Capture goes on this long (three seconds) after the last frame was played: a loaded sound
   * server may still hold more than a second of it in its buffers.
   */
  private static final int DRAIN_FRAMES = 150;

  private RealDeviceProbe() {}

  private static void play(
      Path play,
      DevicePlayback speaker,
      PulseAudioRoom room,
      int restartAtFrame,
      AtomicBoolean playing) {
    short[] out = new short[FRAME_SAMPLES];
    try (WavFileSource source = WavFileSource.open(play)) {
      for (int frame = 0; source.read(out) > 0; frame++) {
        if (frame == restartAtFrame) {
          room.close();
        } else if (restartAtFrame >= 0 && frame == restartAtFrame + 25) {
          room.restart(SINK_AFTER_RESTART);
        }
        speaker.write(out, out.length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      playing.set(false);
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path play = Path.of(args[0]);
    Path record = Path.of(args[1]);
    Path report = Path.of(args[2]);
    String deviceName = args.length > 3 ? args[3] : null;
    int restartAtFrame = args.length > 4 ? Integer.parseInt(args[4]) : -1;
    PulseAudioRoom room = PulseAudioRoom.fromEnvironment();
    JavaSoundGateway gateway = new JavaSoundGateway();
    AudioDevices devices = new AudioDevices(gateway);
    AudioDeviceChoice choice =
        deviceName == null
            ? AudioDeviceChoice.systemDefaults()
            : new AudioDeviceChoice(deviceName, deviceName, deviceName);
    List<String> lines = new ArrayList<>();
    for (AudioDevice device : devices.list(Kind.CAPTURE)) {
      lines.add("capture-device=" + device.name());
    }
    for (AudioDevice device : devices.list(Kind.PLAYBACK)) {
      lines.add("playback-device=" + device.name());
    }
    List<String> lost = new CopyOnWriteArrayList<>();
    long startNanos = System.nanoTime();
    AudioDeviceListener listener =
        event ->
            lost.add(
                "lost=" + event + " at " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    AtomicBoolean playing = new AtomicBoolean(true);
    LevelMeter meter = new LevelMeter();
    double loudestDbfs = -200;
    short[] in = new short[FRAME_SAMPLES];
    try (WavFileSink sink = WavFileSink.create(record, RATE_HZ, 1);
        DevicePlayback speaker = devices.openPlayback(choice, RATE_HZ, listener);
        DeviceCapture microphone = devices.openRecordingCapture(choice, RATE_HZ, listener)) {
      // As in a call, the speaker and the microphone each run on their own thread at device pace.
      ExecutorService speakerThread = Executors.newSingleThreadExecutor();
      CompletableFuture<Void> playback =
          CompletableFuture.runAsync(
              () -> play(play, speaker, room, restartAtFrame, playing), speakerThread);
      speakerThread.shutdown();
      int drainFrames = 0;
      while (drainFrames < DRAIN_FRAMES) {
        microphone.read(in);
        meter.process(in, in.length);
        loudestDbfs = Math.max(loudestDbfs, meter.level().rmsDbfs());
        sink.write(in, in.length);
        if (!playing.get()) {
          drainFrames++;
        }
      }
      playback.join();
      lines.add("capture-on=" + microphone.currentDevice().name());
      lines.add("playback-on=" + speaker.currentDevice().name());
    }
    lines.add("loudest-dbfs=" + loudestDbfs);
    lines.addAll(lost);
    lines.add("elapsed-ms=" + (System.nanoTime() - startNanos) / 1_000_000);
    Files.write(report, lines);
  }
}
