package org.parley.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageEvent.MessageReceived;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley receive}: Register and print received messages as JSON lines. */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    description = {
      "Register and print every message received as one JSON object per line:",
      "{\"from\":URI,\"name\":DISPLAY-NAME,\"text\":TEXT,\"time\":ISO-8601,\"id\":ID}.",
      "Messages the server kept while the account was offline arrive first."
    })
final class ReceiveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin AccountOptions options;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description = "Stop after S seconds (default: run until interrupted).")
  double durationSeconds;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("parley receive: " + e.getMessage());
      return e.exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.OK;
    }
  }

  private int run() throws CommandFailure, InterruptedException {
    if (durationSeconds < 0) {
      throw new CommandFailure(ExitCodes.USAGE, "--duration must not be negative.");
    }
    PrintWriter out = spec.commandLine().getOut();
    long deadline =
        durationSeconds == 0
            ? Long.MAX_VALUE
            : System.currentTimeMillis() + Math.round(durationSeconds * 1000);
    try (HeadlessPhone phone = HeadlessPhone.register(options)) {
      while (System.currentTimeMillis() < deadline) {
        long wait = Math.min(1000, Math.max(1, deadline - System.currentTimeMillis()));
        MessageEvent event = phone.nextMessageEvent(wait);
        if (event instanceof MessageReceived received) {
          out.println(json(received));
          out.flush();
        }
      }
    }
    return ExitCodes.OK;
  }

  static String json(MessageReceived message) {
    return "{\"from\":"
        + JsonText.quoted(message.peerUri())
        + ",\"name\":"
        + JsonText.quoted(message.peerDisplayName())
        + ",\"text\":"
        + JsonText.quoted(message.text())
        + ",\"time\":"
        + JsonText.quoted(message.sentAt().toString())
        + ",\"id\":"
        + JsonText.quoted(message.messageId())
        + "}";
  }
}
