package org.parley.app.cli;

import picocli.CommandLine.Command;

/** {@code parley call}: Register an account and place a call; play and record WAV files. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Register an account and place a call; play and record WAV files.")
final class CallCommand extends PendingCommand {

  @Override
  String feature() {
    return "placing calls";
  }
}
