// SPDX-License-Identifier: Apache-2.0
// What a call's native pieces leave behind, one piece at a time: opens and closes the piece N times
// and prints the process's resident memory (VmRSS) and the main malloc arena's ([heap]) after
// cycles 10, 20, 40, ... N, each after a full collection (so that memory a Java object's cleaner
// frees is not counted as grown). Run by bench/native-growth.sh on the distribution's class path
// with a PulseAudio null sink as the sound card:
//   java -cp 'app/target/dist/parley.jar:app/target/dist/lib/*' NativeGrowth.java MODE CYCLES
// MODE:
//   calllines  a call's microphone and speaker the way the desktop app opens them (AudioDevices,
//              JavaSoundGateway, 60 ms lines), 25 frames of 20 ms through each, then closed
//   rawlines   the same two lines straight from javax.sound, no Parley code in between
//   mixers     only the device lookup each call makes (AudioSystem.getMixerInfo and its lines)
//   codecs     an encoder and a decoder of each default codec (Opus, G.722, PCMU, PCMA), 25
//              frames through each, then closed
//   load       only the default codec list (FFmpeg's and libopus's natives load on the first
//              cycle): what loading them ahead of the first call would add to the idle app
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDeviceListener;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.DeviceCapture;
import org.parley.media.device.DevicePlayback;
import org.parley.media.device.JavaSoundGateway;
import org.parley.media.ffmpeg.FfmpegCodecs;

public final class NativeGrowth {
  private static final int RATE_HZ = 48_000;
  private static final int FRAME_SAMPLES = RATE_HZ / 50;
  private static final int FRAMES = 25;

  interface Cycle {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int cycles = Integer.parseInt(args[1]);
    Cycle cycle =
        switch (mode) {
          case "calllines" -> NativeGrowth::callLines;
          case "rawlines" -> NativeGrowth::rawLines;
          case "mixers" -> NativeGrowth::mixers;
          case "codecs" -> NativeGrowth::codecs;
          case "load" -> FfmpegCodecs::defaultRegistry;
          default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    System.out.printf("mode %s, %d cycles%n", mode, cycles);
    report(0);
    for (int i = 1; i <= cycles; i++) {
      cycle.run();
      if (i == 1 || i == 10 || i == cycles || (i >= 20 && Integer.bitCount(i / 10) == 1 && i % 10 == 0)) {
        report(i);
      }
    }
  }

  private static void callLines() {
    AudioDevices devices = new AudioDevices(new JavaSoundGateway());
    AudioDeviceChoice choice = AudioDeviceChoice.systemDefaults();
    DeviceCapture microphone = devices.openCapture(choice, RATE_HZ, AudioDeviceListener.none());
    DevicePlayback speaker = devices.openCallPlayback(choice, RATE_HZ, AudioDeviceListener.none());
    short[] frame = new short[FRAME_SAMPLES];
    for (int f = 0; f < FRAMES; f++) {
      microphone.read(frame);
      speaker.write(frame, frame.length);
    }
    microphone.close();
    speaker.close();
  }

  private static void rawLines() throws Exception {
    AudioFormat format = new AudioFormat(RATE_HZ, 16, 1, true, false);
    int lineBytes = RATE_HZ * 2 * 60 / 1000;
    TargetDataLine capture =
        (TargetDataLine) AudioSystem.getLine(new DataLine.Info(TargetDataLine.class, format));
    capture.open(format, lineBytes);
    capture.start();
    SourceDataLine playback =
        (SourceDataLine) AudioSystem.getLine(new DataLine.Info(SourceDataLine.class, format));
    playback.open(format, lineBytes);
    playback.start();
    byte[] bytes = new byte[2 * FRAME_SAMPLES];
    for (int f = 0; f < FRAMES; f++) {
      capture.read(bytes, 0, bytes.length);
      playback.write(bytes, 0, bytes.length);
    }
    capture.close();
    playback.close();
  }

  private static void mixers() {
    AudioDevices devices = new AudioDevices(new JavaSoundGateway());
    devices.list(org.parley.media.device.AudioDevice.Kind.CAPTURE);
    devices.list(org.parley.media.device.AudioDevice.Kind.PLAYBACK);
  }

  private static void codecs() {
    List<AudioCodec> all = FfmpegCodecs.defaultRegistry().all();
    short[] pcm = new short[FRAME_SAMPLES];
    byte[] payload = new byte[1500];
    for (AudioCodec codec : all) {
      AudioEncoder encoder = codec.newEncoder();
      AudioDecoder decoder = codec.newDecoder();
      int samples = codec.sampleRateHz() / 50;
      short[] out = new short[samples * 2];
      for (int f = 0; f < FRAMES; f++) {
        for (int s = 0; s < samples; s++) {
          pcm[s] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (f * samples + s) / codec.sampleRateHz()));
        }
        int length = encoder.encode(pcm, 0, samples, payload);
        decoder.decode(payload, 0, length, out);
      }
      encoder.close();
      decoder.close();
    }
  }

  private static void report(int cycle) throws Exception {
    System.gc();
    long rssKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    long heapKb = 0;
    boolean inHeap = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
      if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
        inHeap = line.endsWith("[heap]");
      } else if (inHeap && line.startsWith("Rss:")) {
        heapKb += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    System.out.printf(
        "cycle %4d  rss %7.1f MB  [heap] %6.1f MB  threads %d%n",
        cycle, rssKb / 1024.0, heapKb / 1024.0, Thread.activeCount());
  }
}
