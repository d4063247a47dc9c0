package org.parley.app.cli;

import picocli.CommandLine.Command;

/** {@code parley answer}: Register an account and answer incoming calls. */
@Command(
    name = "answer",
    mixinStandardHelpOptions = true,
    description = "Register an account and answer incoming calls.")
final class AnswerCommand extends PendingCommand {

  @Override
  String feature() {
    return "answering calls";
  }
}
