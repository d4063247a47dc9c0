package org.parley.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.parley.core.call.CallPolicy;
import org.parley.core.call.MediaEncryption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code call} and {@code answer} share: the account, the audio files and whether the
 * audio is encrypted.
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
      names = "--srtp",
      paramLabel = "none|optional|required",
      description =
          "Encrypt the audio with SRTP (SDES keys): none, optional (when the other side can) or"
              + " required (refuse calls without it). Default: none.")
  String srtp = "none";

  /** The account's call policy with the encryption {@code --srtp} asks for. */
  CallPolicy callPolicy() throws CommandFailure {
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
    return CallPolicy.defaults().withEncryption(encryption);
  }
}
