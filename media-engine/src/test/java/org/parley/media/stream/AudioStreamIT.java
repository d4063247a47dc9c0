package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;
import org.parley.media.ffmpeg.G722Codec;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.quality.CodecImpairment;
import org.parley.media.quality.QualitySummary;
import org.parley.media.recording.CallRecorder;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.media.source.ToneSource;
import org.parley.media.testing.ImpairmentRelay;
import org.parley.media.testing.ImpairmentRelay.Impairments;
import org.parley.media.testing.ImpairmentRelay.JitterShape;
import org.parley.media.testing.Spectrum;
import org.parley.media.testing.StallWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's audio end to end on loopback, through a seeded impairment relay: a sequence of distinct
 * tones arrives as the same sequence through every codec, and concealment and MOS get worse as the
 * network does.
 */
class AudioStreamIT {

  private static final Logger LOG = LoggerFactory.getLogger(AudioStreamIT.class);

  private static final int SOURCE_RATE_HZ = 16_000;
  private static final double[] TONES_HZ = {400, 700, 1000, 1300, 1600};
  private static final int SEGMENT_MILLIS = 800;

  /** Concealment a late media thread can cause on any network: three 20 ms frames in ~230. */
  private static final double SCHEDULING_NOISE = 0.015;

  /**
   * A pause of the whole JVM longer than the clean network's jitter buffer holds (three frames): a
   * run that saw one measured the machine, not the network, and is repeated.
   */
  private static final long MACHINE_STALL_MILLIS = 60;

  private static final int ATTEMPTS = 3;

  /** The three network conditions, from clean to bad. */
  private static final List<Impairments> NETWORKS =
      List.of(
          Impairments.NONE,
          Impairments.NONE.withLoss(0.05).withJitter(30, JitterShape.UNIFORM),
          Impairments.NONE
              .withLoss(0.20)
              .withJitter(80, JitterShape.UNIFORM)
              .withReordering(0.05, 30));

  static Stream<Arguments> codecs() {
    return Stream.of(
        Arguments.of(G711Codec.PCMU, 0, CodecImpairment.G711_PLC),
        Arguments.of(new G722Codec(), 9, CodecImpairment.G722),
        Arguments.of(new OpusCodec(), 111, CodecImpairment.OPUS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void toneSequenceSurvivesEachNetworkAndQualityFallsWithIt(
      AudioCodec codec, int payloadType, CodecImpairment impairment) throws Exception {
    // A first, unmeasured run: class loading, native codec start-up and the JIT make the first
    // stream of a JVM late at play-out, which would count as concealment on the clean network.
    run(codec, payloadType, impairment, Impairments.NONE, 41);
    List<QualitySummary> summaries = new ArrayList<>();
    List<Double> concealment = new ArrayList<>();
    for (int level = 0; level < NETWORKS.size(); level++) {
      Result result = measure(codec, payloadType, impairment, NETWORKS.get(level), 42 + level);
      assertThat(result.failedFrames).as("frames that threw at level %d", level).isZero();
      assertThat(result.tones())
          .as("tones heard through %s at level %d", codec.encodingName(), level)
          .containsExactly(Arrays.stream(TONES_HZ).boxed().toArray(Double[]::new));
      summaries.add(result.summary);
      concealment.add(result.concealmentRatio);
    }
    // The 20 % network is worse than both others in concealment and MOS. Between the clean and
    // the 5 % network the difference (a few lost frames in ~230) is within what a loaded 2-core
    // machine's late media thread adds on its own, so only their tone sequences are compared.
    assertThat(concealment.get(2)).isGreaterThan(concealment.get(0) + SCHEDULING_NOISE);
    assertThat(concealment.get(2)).isGreaterThan(concealment.get(1) + SCHEDULING_NOISE);
    assertThat(summaries.get(2).meanMos()).isLessThan(summaries.get(0).meanMos());
    assertThat(summaries.get(2).meanMos()).isLessThan(summaries.get(1).meanMos());
  }

  @Test
  void recorderGetsWhatIsSentOnTheLeftAndWhatIsHeardOnTheRight() throws Exception {
    AudioStreamSettings settings =
        new AudioStreamSettings(G711Codec.PCMU, 0, 20, -1, CodecImpairment.G711_PLC);
    RtpSessionConfig config =
        RtpSessionConfig.builder()
            .rtcpMux(true)
            .remoteRtp(new InetSocketAddress("127.0.0.1", 9))
            .build();
    CapturingSink stereo = new CapturingSink(8000, 2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    AudioStream alice =
        AudioStream.start(
            settings, config, new Tone(500), new CapturingSink(8000), AudioStream.quietListener());
    AudioStream bob =
        AudioStream.start(
            settings, config, new Tone(1100), new CapturingSink(8000), AudioStream.quietListener());
    try {
      alice.session().setRemote(bob.session().localRtpAddress(), null);
      bob.session().setRemote(alice.session().localRtpAddress(), null);
      CallRecorder recorder = new CallRecorder(8000);
      recorder.start(stereo, scheduler);
      bob.record(recorder);
      stereo.awaitMillis(1500, Duration.ofSeconds(20));
      recorder.stop();
    } finally {
      alice.close();
      bob.close();
      scheduler.shutdownNow();
    }
    short[] frames = stereo.samples();
    // A tenth of a second well after the start; even, so that it starts on a left sample.
    int from = (frames.length / 2 - 1600) & ~1;
    short[] left = new short[800];
    short[] right = new short[800];
    for (int i = 0; i < 800; i++) {
      left[i] = frames[from + 2 * i];
      right[i] = frames[from + 2 * i + 1];
    }
    assertThat(Spectrum.dominantHz(left, 0, 800, 8000, 300, 1500, 100)).isEqualTo(1100);
    assertThat(Spectrum.dominantHz(right, 0, 800, 8000, 300, 1500, 100)).isEqualTo(500);
  }

  /** An endless tone at 8 kHz. */
  private static final class Tone implements AudioSource {
    private final ToneSource tone;

    Tone(double frequencyHz) {
      tone = new ToneSource(frequencyHz, 8000, 0.4);
    }

    @Override
    public int sampleRateHz() {
      return 8000;
    }

    @Override
    public int read(short[] frame) {
      return tone.read(frame);
    }
  }

  private record Result(
      short[] heard,
      int rateHz,
      QualitySummary summary,
      double concealmentRatio,
      long failedFrames) {

    /**
     * The tones heard, in order: the dominant frequency of each loud 40 ms window, in runs of at
     * least 100 ms. Runs rather than a fixed grid of segments, because the jitter buffer may
     * stretch or shorten the timeline under loss and jitter (that is its job).
     */
    List<Double> tones() {
      int window = rateHz / 25;
      int step = rateHz / 50;
      int minimumRun = 5;
      List<Double> tones = new ArrayList<>();
      double current = -1;
      int run = 0;
      for (int from = 0; from + window <= heard.length; from += step) {
        double frequency =
            Spectrum.rms(heard, from, window) < 1000
                ? -1
                : Spectrum.dominantHz(heard, from, window, rateHz, 300, 1700, 100);
        if (frequency == current) {
          run++;
        } else {
          current = frequency;
          run = 1;
        }
        boolean newTone = tones.isEmpty() || tones.get(tones.size() - 1) != frequency;
        if (run == minimumRun && frequency > 0 && newTone) {
          tones.add(frequency);
        }
      }
      return tones;
    }
  }

  /**
   * Runs the network until a run was not held up by the machine (same seed, so the same losses), at
   * most {@link #ATTEMPTS} times; the last run counts if every one was.
   */
  private static Result measure(
      AudioCodec codec, int payloadType, CodecImpairment impairment, Impairments network, long seed)
      throws IOException, InterruptedException {
    Result result = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (StallWatch stalls = StallWatch.start()) {
        result = run(codec, payloadType, impairment, network, seed);
        if (stalls.longestStallMillis() <= MACHINE_STALL_MILLIS) {
          return result;
        }
        LOG.warn(
            "{}, seed {}: the machine stalled {} ms, attempt {} of {}",
            codec.encodingName(),
            seed,
            stalls.longestStallMillis(),
            attempt,
            ATTEMPTS);
      }
    }
    return result;
  }

  private static Result run(
      AudioCodec codec, int payloadType, CodecImpairment impairment, Impairments network, long seed)
      throws IOException, InterruptedException {
    AudioStreamSettings settings = new AudioStreamSettings(codec, payloadType, 20, -1, impairment);
    RtpSessionConfig config =
        RtpSessionConfig.builder()
            .rtcpMux(true)
            .rtcpMinimumIntervalMillis(500)
            .remoteRtp(new InetSocketAddress("127.0.0.1", 9))
            .build();
    int totalMillis = SEGMENT_MILLIS * TONES_HZ.length;
    CapturingSink heard = new CapturingSink(codec.sampleRateHz());
    ToneSequence tones = new ToneSequence();
    AudioStream sender =
        AudioStream.start(
            settings,
            config,
            tones,
            new CapturingSink(SOURCE_RATE_HZ),
            AudioStream.quietListener());
    AudioStream receiver =
        AudioStream.start(
            settings, config, new ToneSequence.Silence(), heard, AudioStream.quietListener());
    try (ImpairmentRelay relay =
        ImpairmentRelay.start(
            sender.session().localRtpAddress(),
            receiver.session().localRtpAddress(),
            network,
            seed,
            4096)) {
      sender.session().setRemote(relay.address(), relay.address());
      receiver.session().setRemote(relay.address(), relay.address());
      // The tones start only now that the path exists, so none of them goes to the discard port.
      int before = heard.length();
      tones.begin();
      // The tones plus the deepest jitter buffer and the relay's delay, then the summary.
      heard.awaitMillisAfter(before, totalMillis + 700, Duration.ofSeconds(30));
      QualitySummary summary = receiver.summary();
      double ratio = receiver.jitterBufferStatistics().concealmentRatio();
      long failed = sender.failedFrames() + receiver.failedFrames();
      return new Result(heard.samples(), codec.sampleRateHz(), summary, ratio, failed);
    } finally {
      sender.close();
      receiver.close();
    }
  }

  /** The tone sequence at 16 kHz, then silence. */
  private static class ToneSequence implements AudioSource {
    private final short[] pcm =
        Spectrum.toneSequence(
            SOURCE_RATE_HZ, SOURCE_RATE_HZ * SEGMENT_MILLIS / 1000, 12_000, TONES_HZ);
    private int position;
    private volatile boolean begun;

    /** Starts the tones; until then the source sends silence. */
    void begin() {
      begun = true;
    }

    @Override
    public int sampleRateHz() {
      return SOURCE_RATE_HZ;
    }

    @Override
    public int read(short[] frame) {
      for (int i = 0; i < frame.length; i++) {
        frame[i] = begun && position < pcm.length ? pcm[position++] : 0;
      }
      return frame.length;
    }

    /** Endless silence. */
    static final class Silence extends ToneSequence {
      @Override
      public int read(short[] frame) {
        Arrays.fill(frame, (short) 0);
        return frame.length;
      }
    }
  }

  /** Keeps everything written; a latch opens once enough audio has arrived. */
  private static final class CapturingSink implements AudioSink {
    private final int rateHz;
    private final int channels;
    private short[] samples = new short[0];
    private int length;
    private CountDownLatch enough;
    private int wanted = Integer.MAX_VALUE;

    CapturingSink(int rateHz) {
      this(rateHz, 1);
    }

    CapturingSink(int rateHz, int channels) {
      this.rateHz = rateHz;
      this.channels = channels;
    }

    @Override
    public int channels() {
      return channels;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public synchronized void write(short[] frame, int sampleCount) {
      if (length + sampleCount > samples.length) {
        samples = Arrays.copyOf(samples, Math.max(2 * samples.length, length + sampleCount));
      }
      System.arraycopy(frame, 0, samples, length, sampleCount);
      length += sampleCount;
      if (enough != null && length >= wanted) {
        enough.countDown();
      }
    }

    synchronized int length() {
      return length;
    }

    void awaitMillis(int millis, Duration timeout) throws InterruptedException {
      awaitMillisAfter(0, millis, timeout);
    }

    /** Waits until {@code millis} of audio arrived after the first {@code before} samples. */
    void awaitMillisAfter(int before, int millis, Duration timeout) throws InterruptedException {
      synchronized (this) {
        wanted = before + rateHz * millis / 1000 * channels;
        enough = new CountDownLatch(length >= wanted ? 0 : 1);
      }
      assertThat(enough.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
          .as("%d ms of audio played", millis)
          .isTrue();
    }

    synchronized short[] samples() {
      return Arrays.copyOf(samples, length);
    }
  }
}
