package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.parley.core.call.TransferConsent;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDevice.Kind;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.AudioSystemGateway;
import org.parley.media.device.CaptureLine;
import org.parley.media.device.PlaybackLine;
import picocli.CommandLine;

/** The audio options of {@code call} and {@code answer}, parsed and checked with no sound card. */
class PhoneOptionsTest {

  private static final AudioDevices HEADSET_ONLY =
      new AudioDevices(
          new ListedDevices(
              List.of(new AudioDevice(Kind.CAPTURE, "Headset", 0)),
              List.of(new AudioDevice(Kind.PLAYBACK, "Headset", 0))));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aPeersTransferIsFollowedUnlessTheCommandLineDeclinesIt() throws CommandFailure {
    assertThat(parse().callPolicy().transfers()).isEqualTo(TransferConsent.FOLLOW);
    assertThat(parse("--transfers", "decline").callPolicy().transfers())
        .isEqualTo(TransferConsent.DECLINE);
    assertThatThrownBy(() -> parse("--transfers", "ask").callPolicy())
        .isInstanceOf(CommandFailure.class)
        .hasMessage("Unknown --transfers 'ask': use follow or decline.");
  }

  @Test
  void namedDevicesThatArePresentBecomeTheChoice() throws CommandFailure {
    PhoneOptions options = parse("--microphone", "Headset", "--speaker", "Headset");

    AudioDeviceChoice choice = options.deviceChoice(HEADSET_ONLY);

    assertThat(choice.captureName()).isEqualTo("Headset");
    assertThat(choice.playbackName()).isEqualTo("Headset");
  }

  @Test
  void aFileOnOneSideAndADeviceOnTheOtherIsAllowed() throws CommandFailure {
    PhoneOptions options = parse("--play", "in.wav", "--speaker", "System default");

    AudioDeviceChoice choice = options.deviceChoice(HEADSET_ONLY);

    assertThat(choice.playbackName()).isEqualTo(AudioDevice.SYSTEM_DEFAULT_NAME);
    assertThat(options.play).hasToString("in.wav");
  }

  @Test
  void anUnknownMicrophoneIsAUsageErrorListingTheDevicesPresent() {
    PhoneOptions options = parse("--microphone", "USB Mic");

    assertThatThrownBy(() -> options.deviceChoice(HEADSET_ONLY))
        .isInstanceOf(CommandFailure.class)
        .hasMessage(
            "No audio device 'USB Mic' for --microphone: use one of 'System default', 'Headset'.")
        .extracting(e -> ((CommandFailure) e).exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aSpeakerOfTheWrongKindIsUnknown() {
    AudioDevices captureOnly =
        new AudioDevices(
            new ListedDevices(List.of(new AudioDevice(Kind.CAPTURE, "Line in", 0)), List.of()));
    PhoneOptions options = parse("--speaker", "Line in");

    assertThatThrownBy(() -> options.deviceChoice(captureOnly))
        .hasMessageStartingWith("No audio device 'Line in' for --speaker");
  }

  @Test
  void callRefusesPlayTogetherWithMicrophoneBeforeRegistering() {
    // Port 9 (discard) never answers: reaching registration would fail differently and slowly.
    int exitCode =
        run(
            "call",
            "sip:bob@127.0.0.1",
            "--account",
            "sip:alice@127.0.0.1:9",
            "--password",
            "pw",
            "--play",
            "in.wav",
            "--microphone",
            "System default");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .containsExactly("parley call: Give --play or --microphone, not both.");
  }

  @Test
  void answerRefusesRecordTogetherWithSpeakerBeforeRegistering() {
    int exitCode =
        run(
            "answer",
            "--account",
            "sip:bob@127.0.0.1:9",
            "--password",
            "pw",
            "--calls",
            "1",
            "--record",
            "out.wav",
            "--speaker",
            "System default");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .containsExactly("parley answer: Give --record or --speaker, not both.");
  }

  @Test
  void answerRefusesAnUnknownSpeakerOnTheRealSoundSystem() {
    int exitCode =
        run(
            "answer",
            "--account",
            "sip:bob@127.0.0.1:9",
            "--password",
            "pw",
            "--calls",
            "1",
            "--speaker",
            "No such speaker");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("parley answer: No audio device 'No such speaker' for --speaker: use one of")
        .contains("'System default'");
  }

  private static PhoneOptions parse(String... args) {
    PhoneOptions options = new PhoneOptions();
    String[] withAccount = new String[args.length + 4];
    System.arraycopy(
        new String[] {"--account", "sip:alice@127.0.0.1", "--password", "pw"},
        0,
        withAccount,
        0,
        4);
    System.arraycopy(args, 0, withAccount, 4, args.length);
    new CommandLine(options).parseArgs(withAccount);
    return options;
  }

  private int run(String... args) {
    DesktopEntry desktop =
        new DesktopEntry() {
          @Override
          public int launch() {
            return ExitCodes.OK;
          }

          @Override
          public int launch(List<String> links) {
            return ExitCodes.OK;
          }
        };
    return ParleyCommandLine.create(desktop, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  /** Devices that are listed but never open: option checks must not touch a line. */
  private record ListedDevices(List<AudioDevice> captures, List<AudioDevice> playbacks)
      implements AudioSystemGateway {

    @Override
    public List<AudioDevice> devices(Kind kind) {
      return kind == Kind.CAPTURE ? captures : playbacks;
    }

    @Override
    public CaptureLine openCapture(AudioDevice device, int sampleRateHz)
        throws LineUnavailableException {
      throw new LineUnavailableException("not in this test");
    }

    @Override
    public PlaybackLine openPlayback(AudioDevice device, int sampleRateHz)
        throws LineUnavailableException {
      throw new LineUnavailableException("not in this test");
    }
  }
}
