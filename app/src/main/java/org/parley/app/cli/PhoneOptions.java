package org.parley.app.cli;

import java.nio.file.Path;
import org.parley.core.account.Transport;
import picocli.CommandLine.Option;

/** The options {@code call} and {@code answer} share: the account, its transport and the files. */
final class PhoneOptions {

  @Option(
      names = "--account",
      required = true,
      paramLabel = "sip:USER@HOST[:PORT]",
      description = "The account to register; HOST[:PORT] is its server.")
  String account;

  @Option(
      names = "--password",
      required = true,
      paramLabel = "PW",
      description = "The account's password.")
  String password;

  @Option(
      names = "--transport",
      paramLabel = "udp|tcp|tls",
      description = "SIP transport to the server (default: udp).")
  String transport = "udp";

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

  Transport transport() throws CommandFailure {
    return switch (transport.toLowerCase(java.util.Locale.ROOT)) {
      case "udp" -> Transport.UDP;
      case "tcp" -> Transport.TCP;
      case "tls" -> Transport.TLS;
      default ->
          throw new CommandFailure(
              ExitCodes.USAGE, "Unknown transport '" + transport + "': use udp, tcp or tls.");
    };
  }
}
