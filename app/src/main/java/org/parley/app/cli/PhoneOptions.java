package org.parley.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.core.call.CallPolicy;
import org.parley.core.call.MediaEncryption;
import org.parley.core.call.TransferConsent;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code call} and {@code answer} share: the account, the audio files or devices,
 * whether the audio is encrypted and whether a peer's transfer is followed.
 */
final class PhoneOptions {

  @Mixin AccountOptions login;

  @Option(
      names = "--play",
      paramLabel = "WAV",
      description = "A WAV file (16-bit PCM) sent as the microphone; silence without it.")
  Path play;

  @Option(
      names = "--record",
      paramLabel = "WAV",
      description = "Where to record what the other side sends (16 kHz mono WAV).")
  Path record;

  @Option(
      names = "--microphone",
      paramLabel = "NAME",
      description =
          "Capture from this audio device (its stable name, as the desktop's settings show it, or"
              + " 'System default') instead of --play.")
  String microphone;

  @Option(
      names = "--speaker",
      paramLabel = "NAME",
      description = "Play what the other side sends on this audio device instead of --record.")
  String speaker;

  @Option(
      names = "--srtp",
      paramLabel = "none|optional|required",
      description =
          "Encrypt the audio with SRTP (SDES keys): none, optional (when the other side can) or"
              + " required (refuse calls without it). Default: none.")
  String srtp = "none";

  @Option(
      names = "--transfers",
      paramLabel = "follow|decline",
      description =
          "What a peer's transfer (REFER) of a call does: follow (call the new party at once) or"
              + " decline (603; the call stays). Default: follow.")
  String transfers = "follow";

  /** The account's call policy with the encryption and transfer handling the options ask for. */
  CallPolicy callPolicy() throws CommandFailure {
    TransferConsent consent =
        switch (transfers.toLowerCase(Locale.ROOT)) {
          case "follow" -> TransferConsent.FOLLOW;
          case "decline" -> TransferConsent.DECLINE;
          default ->
              throw new CommandFailure(
                  ExitCodes.USAGE,
                  "Unknown --transfers '" + transfers + "': use follow or decline.");
        };
    MediaEncryption encryption =
        switch (srtp.toLowerCase(Locale.ROOT)) {
          case "none" -> MediaEncryption.NONE;
          case "optional" -> MediaEncryption.OPTIONAL;
          case "required" -> MediaEncryption.REQUIRED;
          default ->
              throw new CommandFailure(
                  ExitCodes.USAGE,
                  "Unknown --srtp '" + srtp + "': use none, optional or required.");
        };
    return CallPolicy.defaults().withEncryption(encryption).withTransfers(consent);
  }

  /**
   * Checks the audio options before anything starts: a file or a device on each side, never both,
   * and each named device present now.
   *
   * @return the devices to open; the system default where an option is absent (and unused)
   */
  AudioDeviceChoice deviceChoice(AudioDevices devices) throws CommandFailure {
    if (microphone != null && play != null) {
      throw new CommandFailure(ExitCodes.USAGE, "Give --play or --microphone, not both.");
    }
    if (speaker != null && record != null) {
      throw new CommandFailure(ExitCodes.USAGE, "Give --record or --speaker, not both.");
    }
    String captureName = present(devices, AudioDevice.Kind.CAPTURE, "--microphone", microphone);
    String playbackName = present(devices, AudioDevice.Kind.PLAYBACK, "--speaker", speaker);
    return new AudioDeviceChoice(captureName, playbackName, AudioDevice.SYSTEM_DEFAULT_NAME);
  }

  // AudioDevices falls back to the default for a missing device, right for the desktop's saved
  // choice but wrong for a command line that names one: a benchmark would silently measure another.
  private static String present(
      AudioDevices devices, AudioDevice.Kind kind, String option, String name)
      throws CommandFailure {
    if (name == null) {
      return AudioDevice.SYSTEM_DEFAULT_NAME;
    }
    if (devices.find(kind, name).isPresent()) {
      return name;
    }
    String known =
        devices.list(kind).stream()
            .map(device -> "'" + device.name() + "'")
            .collect(Collectors.joining(", "));
    throw new CommandFailure(
        ExitCodes.USAGE,
        "No audio device '" + name + "' for " + option + ": use one of " + known + ".");
  }
}
