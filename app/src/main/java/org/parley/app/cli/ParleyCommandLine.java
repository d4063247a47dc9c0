package org.parley.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command tree with Parley's console, error handling and exit codes. */
public final class ParleyCommandLine {

  private ParleyCommandLine() {}

  public static CommandLine create(DesktopEntry desktop) {
    return create(desktop, Console.out(), Console.err());
  }

  /** A command line writing to the given streams, for tests. */
  public static CommandLine create(DesktopEntry desktop, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ParleyCommand(desktop));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println("parley: " + oneLine(exception));
          return ExitCodes.FAILURE;
        });
    return commandLine;
  }

  private static String oneLine(Exception exception) {
    String message = exception.getMessage();
    return message == null
        ? exception.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }
}
