package org.parley.app.cli;

import picocli.CommandLine.Command;

/** {@code parley receive}: Register and print received messages as JSON lines. */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    description = "Register and print received messages as JSON lines.")
final class ReceiveCommand extends PendingCommand {

  @Override
  String feature() {
    return "receiving messages";
  }
}
