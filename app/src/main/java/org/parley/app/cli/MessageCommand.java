package org.parley.app.cli;

import picocli.CommandLine.Command;

/** {@code parley message}: Send one instant message. */
@Command(
    name = "message",
    mixinStandardHelpOptions = true,
    description = "Send one instant message.")
final class MessageCommand extends PendingCommand {

  @Override
  String feature() {
    return "sending messages";
  }
}
