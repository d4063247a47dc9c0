package org.parley.app.cli;

import java.util.Locale;
import org.parley.core.account.Transport;
import picocli.CommandLine.Option;

/** The account options every headless client command takes: who we are and how to reach it. */
final class AccountOptions {

  @Option(
      names = "--account",
      required = true,
      paramLabel = "sip:USER@HOST[:PORT]",
      description = "The account to use; HOST[:PORT] is its server.")
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

  Transport transport() throws CommandFailure {
    return switch (transport.toLowerCase(Locale.ROOT)) {
      case "udp" -> Transport.UDP;
      case "tcp" -> Transport.TCP;
      case "tls" -> Transport.TLS;
      default ->
          throw new CommandFailure(
              ExitCodes.USAGE, "Unknown transport '" + transport + "': use udp, tcp or tls.");
    };
  }
}
