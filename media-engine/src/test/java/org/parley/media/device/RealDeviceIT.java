package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.testing.PulseAudioRoom;
import org.parley.media.testing.Spectrum;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/**
 * Real javax.sound devices on a private PulseAudio daemon with a null sink (CI installs
 * pulseaudio): a tone sequence played to the system default speaker comes back, in order, from the
 * system default microphone, the sink's monitor; when the sound server dies mid-stream, capture and
 * playback report the loss, keep their pace, and rejoin it when it is back. The device code runs in
 * a child JVM because the sound system reads the daemon's address from the environment, which a
 * running JVM cannot change.
 */
class RealDeviceIT {

  private static final int RATE_HZ = RealDeviceProbe.RATE_HZ;
  private static final int WINDOW_SAMPLES = RATE_HZ / 50;
  private static final double[] TONES_HZ = {500, 900, 1400, 2000};
  private static final int TONE_MILLIS = 400;

  @TempDir Path dir;
  private PulseAudioRoom room;
  private int rounds = 1;

  @BeforeEach
  void startPulseAudio() throws Exception {
    assumeTrue(PulseAudioRoom.available(), "pulseaudio is not installed");
    room = PulseAudioRoom.start(dir.resolve("pulse"), "parley_room");
  }

  @AfterEach
  void stopPulseAudio() throws Exception {
    if (room != null) {
      room.close();
    }
  }

  @Test
  void aToneSequencePlayedOnTheDefaultSpeakerIsCapturedInOrder() throws Exception {
    List<String> report = runProbe();

    assertThat(tonesHeard()).containsExactly(500.0, 900.0, 1400.0, 2000.0);
    assertThat(report).contains("capture-on=System default", "playback-on=System default");
    assertThat(report).noneMatch(line -> line.startsWith("lost="));
    assertThat(loudestDbfs(report)).isGreaterThan(-20.0);
  }

  @Test
  void aDeviceChosenByItsStableNameIsOpened() throws Exception {
    List<String> listed = runProbe();
    String named =
        listed.stream()
            .filter(line -> line.startsWith("playback-device=") && !line.endsWith("System default"))
            .map(line -> line.substring("playback-device=".length()))
            .findFirst()
            .orElseThrow();

    List<String> report = runProbe(named);

    assertThat(report).contains("playback-on=" + named);
    assertThat(tonesHeard()).containsExactly(500.0, 900.0, 1400.0, 2000.0);
  }

  @Test
  void aSavedDeviceThatIsGoneFallsBackToTheSystemDefault() throws Exception {
    List<String> report = runProbe("USB Headset (unplugged)");

    assertThat(report).contains("capture-on=System default", "playback-on=System default");
    assertThat(tonesHeard()).containsExactly(500.0, 900.0, 1400.0, 2000.0);
  }

  @Test
  void aSoundServerThatDiesMidCallIsRejoinedWhenItIsBackWithoutEndingTheStream() throws Exception {
    rounds = 4;

    List<String> report = runProbe("System default", "40");

    assertThat(report)
        .anyMatch(line -> line.startsWith("lost=") && line.contains("kind=CAPTURE"))
        .anyMatch(line -> line.startsWith("lost=") && line.contains("kind=PLAYBACK"));
    // The daemon is gone from 0.8 s until after 1.3 s, in the first round's 900 Hz tone, so a
    // whole round can only be heard after the stream rejoined. Which round that is depends on how
    // soon the new daemon takes streams, which a loaded machine delays by seconds.
    List<Double> heard = tonesHeard();
    assertThat(heard).startsWith(500.0).containsSequence(500.0, 900.0, 1400.0, 2000.0);
  }

  private List<String> runProbe(String... deviceArguments)
      throws IOException, InterruptedException {
    Path play = dir.resolve("play.wav");
    writeToneSequence(play, rounds);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RealDeviceProbe.class.getName());
    command.add(play.toString());
    command.add(dir.resolve("record.wav").toString());
    command.add(dir.resolve("report.txt").toString());
    command.addAll(List.of(deviceArguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(room.environment());
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("probe.log").toFile());
    Process probe = builder.start();
    boolean finished = probe.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      Path threads = dir.resolve("threads.txt");
      new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              Long.toString(probe.pid()),
              "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(threads.toFile())
          .start()
          .waitFor(30, TimeUnit.SECONDS);
      probe.destroyForcibly();
      assertThat(finished)
          .as("probe finished; its threads: %s", Files.readString(threads))
          .isTrue();
    }
    assertThat(probe.exitValue())
        .as("probe exit; log: %s", Files.readString(dir.resolve("probe.log")))
        .isZero();
    return Files.readAllLines(dir.resolve("report.txt"));
  }

  /** 300 ms of silence, the tones (once per round), then 600 ms of silence to drain. */
  private static void writeToneSequence(Path path, int rounds) throws IOException {
    double[] sequence = new double[TONES_HZ.length * rounds];
    for (int i = 0; i < sequence.length; i++) {
      sequence[i] = TONES_HZ[i % TONES_HZ.length];
    }
    short[] tones = Spectrum.toneSequence(RATE_HZ, RATE_HZ * TONE_MILLIS / 1000, 16_000, sequence);
    short[] pcm = new short[RATE_HZ * 300 / 1000 + tones.length + RATE_HZ * 600 / 1000];
    System.arraycopy(tones, 0, pcm, RATE_HZ * 300 / 1000, tones.length);
    try (WavFileSink sink = WavFileSink.create(path, RATE_HZ, 1)) {
      sink.write(pcm, pcm.length);
    }
  }

  /** The tones found as runs of at least five loud 20 ms windows, in the order heard. */
  private List<Double> tonesHeard() throws IOException {
    short[] pcm = readAll(dir.resolve("record.wav"));
    List<Double> heard = new ArrayList<>();
    double current = 0;
    int run = 0;
    for (int from = 0; from + WINDOW_SAMPLES <= pcm.length; from += WINDOW_SAMPLES) {
      double tone =
          Spectrum.rms(pcm, from, WINDOW_SAMPLES) < 1_000
              ? 0
              : Spectrum.strongestOf(pcm, from, WINDOW_SAMPLES, RATE_HZ, TONES_HZ);
      run = tone == current ? run + 1 : 1;
      current = tone;
      boolean newTone = heard.isEmpty() || heard.get(heard.size() - 1) != tone;
      if (tone != 0 && run == 5 && newTone) {
        heard.add(tone);
      }
    }
    return heard;
  }

  private static short[] readAll(Path wav) throws IOException {
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount()];
      int read = source.read(pcm);
      return read < 0 ? new short[0] : pcm;
    }
  }

  private static double loudestDbfs(List<String> report) {
    return report.stream()
        .filter(line -> line.startsWith("loudest-dbfs="))
        .mapToDouble(line -> Double.parseDouble(line.substring("loudest-dbfs=".length())))
        .findFirst()
        .orElseThrow();
  }
}
