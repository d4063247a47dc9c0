package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.PcmWav.Recording;
import org.parley.server.store.sqlite.ServerDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real softphones against the whole server: two baresip processes register, one calls the other
 * through the proxy, each sends a tone from a WAV file, and baresip's sndfile module records what
 * each side decodes, which must be the other side's tone.
 */
class BaresipIT {

  private static final Logger LOG = LoggerFactory.getLogger(BaresipIT.class);

  /** An IP-literal domain, so baresip needs no DNS. */
  private static final String DOMAIN = "127.0.0.1";

  private static final int SAMPLE_RATE_HZ = 8000;
  private static final double ALICE_TONE_HZ = 440;
  private static final double BOB_TONE_HZ = 1000;
  private static final double TONE_AMPLITUDE = 0.5;

  /** Longer than any call, so the aufile source never runs dry. */
  private static final double SOURCE_SECONDS = 20;

  /** How much decoded audio each side records before the call is hung up. */
  private static final double MEDIA_SECONDS = 3;

  /**
   * Quietest recording that counts as sound, in 16-bit units: the tones arrive at ~11,600 RMS,
   * G.711 idle noise and silence stay below 100.
   */
  private static final double MIN_RMS = 1000;

  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);

  @TempDir Path work;

  private ParleyServer server;
  private int sipPort;
  private final List<BaresipAgent> agents = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    BaresipAgent.assumeInstalled();

    sipPort = FreePorts.udpAndTcp();
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(work.resolve("server"))
                .domain(DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(0)
                // The default offers MD5 only: libre 1.1 (under Debian's baresip 1.0) gives up on
                // a 401 that carries any other challenge (ADR 0009).
                .httpPort(0));
    Files.createDirectories(config.dataDir());
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), config.domain());
      users.add("alice", "alice-secret".toCharArray());
      users.add("bob", "bob-secret".toCharArray());
    }
    server = ParleyServer.start(config, "test");
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (BaresipAgent agent : agents) {
      agent.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private BaresipAgent agent(String user, String password, double toneHz, String extra)
      throws Exception {
    Path folder = work.resolve(user);
    Files.createDirectories(folder);
    Path source = folder.resolve("source.wav");
    PcmWav.writeTone(source, toneHz, SAMPLE_RATE_HZ, TONE_AMPLITUDE, SOURCE_SECONDS);
    String account =
        "<sip:"
            + user
            + "@"
            + DOMAIN
            + ">;auth_pass="
            + password
            + ";outbound=\"sip:127.0.0.1:"
            + sipPort
            + "\";regint=600;audio_codecs=PCMU"
            + extra;
    BaresipAgent agent = BaresipAgent.start(user, folder, account, source);
    agents.add(agent);
    return agent;
  }

  @Test
  void twoBaresipsCallEachOtherThroughTheServerAndHearTheOthersTone() throws Exception {
    BaresipAgent alice = agent("alice", "alice-secret", ALICE_TONE_HZ, "");
    BaresipAgent bob = agent("bob", "bob-secret", BOB_TONE_HZ, ";answermode=auto");
    alice.awaitRegistered(STEP_DEADLINE);
    bob.awaitRegistered(STEP_DEADLINE);

    alice.command("dial", "sip:bob@" + DOMAIN, STEP_DEADLINE);
    assertThat(alice.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("alice's call established; %s", alice.describe())
        .isPresent();
    assertThat(bob.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("bob's call established; %s", bob.describe())
        .isPresent();
    awaitRecorded(alice, MEDIA_SECONDS);
    awaitRecorded(bob, MEDIA_SECONDS);
    alice.command("hangup", null, STEP_DEADLINE);
    assertThat(bob.awaitEvent("CALL_CLOSED", STEP_DEADLINE))
        .as("bob saw the hang-up; %s", bob.describe())
        .isPresent();
    assertThat(alice.awaitEvent("CALL_CLOSED", STEP_DEADLINE)).isPresent();

    assertHears(alice, BOB_TONE_HZ, ALICE_TONE_HZ);
    assertHears(bob, ALICE_TONE_HZ, BOB_TONE_HZ);
  }

  @Test
  void baresipCallingTheEchoTestHearsItsOwnTone() throws Exception {
    BaresipAgent alice = agent("alice", "alice-secret", ALICE_TONE_HZ, "");
    alice.awaitRegistered(STEP_DEADLINE);

    alice.command("dial", "sip:echo@" + DOMAIN, STEP_DEADLINE);
    assertThat(alice.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("call to the echo test established; %s", alice.describe())
        .isPresent();
    awaitRecorded(alice, MEDIA_SECONDS);
    alice.command("hangup", null, STEP_DEADLINE);
    assertThat(alice.awaitEvent("CALL_CLOSED", STEP_DEADLINE)).isPresent();

    assertHears(alice, ALICE_TONE_HZ, BOB_TONE_HZ);
  }

  /**
   * Checks sndfile's recording of what the agent decoded: sound, not silence, and that sound is the
   * {@code expectedHz} tone with no trace of {@code absentHz}.
   */
  private static void assertHears(BaresipAgent agent, double expectedHz, double absentHz)
      throws Exception {
    List<Path> heard = agent.recordings("-dec.wav");
    assertThat(heard).as("sndfile's recording of what was heard").hasSize(1);
    // The first half second holds call set-up and the jitter buffer filling.
    Recording recording = PcmWav.read(heard.get(0)).skip(0.5);
    double rms = recording.rms();
    double expectedShare = recording.toneShare(expectedHz);
    double absentShare = recording.toneShare(absentHz);
    double dominantHz = recording.dominantFrequencyHz(100, 3500, 10);
    String measured =
        String.format(
            Locale.ROOT,
            "%s heard %.2f s: RMS %.0f, %.0f Hz share %.3f, %.0f Hz share %.3f, dominant %.0f Hz",
            agent.name(),
            recording.seconds(),
            rms,
            expectedHz,
            expectedShare,
            absentHz,
            absentShare,
            dominantHz);
    LOG.info(measured);
    assertThat(recording.seconds()).as(measured).isGreaterThan(MEDIA_SECONDS - 1);
    assertThat(rms).as("not silence: " + measured).isGreaterThan(MIN_RMS);
    assertThat(expectedShare).as(measured).isGreaterThan(0.8);
    assertThat(absentShare).as(measured).isLessThan(0.05);
    assertThat(dominantHz).as(measured).isCloseTo(expectedHz, Offset.offset(10.0));
  }

  /**
   * Waits until the agent's sndfile recording of decoded audio holds {@code seconds} of sound: the
   * call's fixed media duration, measured on the file rather than by the clock.
   */
  private static void awaitRecorded(BaresipAgent agent, double seconds) throws Exception {
    long bytes = 44 + Math.round(seconds * SAMPLE_RATE_HZ * 2);
    Instant deadline = Instant.now().plus(STEP_DEADLINE).plusSeconds((long) seconds);
    while (Instant.now().isBefore(deadline)) {
      List<Path> heard = agent.recordings("-dec.wav");
      if (!heard.isEmpty() && Files.size(heard.get(0)) >= bytes) {
        return;
      }
      // Waiting on the child doubles as the pause between looks and notices an early exit.
      if (agent.exitedWithin(Duration.ofMillis(50))) {
        break;
      }
    }
    throw new AssertionError("no " + seconds + " s of decoded audio recorded; " + agent.describe());
  }
}
