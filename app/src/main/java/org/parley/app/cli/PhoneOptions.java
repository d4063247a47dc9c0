package org.parley.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code call} and {@code answer} share: the account and the audio files. */
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
}
