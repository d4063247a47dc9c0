package org.parley.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A subcommand whose feature is not built yet: it accepts the contract's arguments and says so
 * plainly, with a non-zero exit, instead of pretending to work.
 */
abstract class PendingCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Unmatched List<String> arguments;

  /** What the user would get from this command, for the message, such as "placing calls". */
  abstract String feature();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .printf(
            "parley %s: %s is not available yet in this build of Parley.%n",
            spec.name(), feature());
    return ExitCodes.UNAVAILABLE;
  }
}
