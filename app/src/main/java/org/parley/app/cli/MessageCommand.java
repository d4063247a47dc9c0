package org.parley.app.cli;

import java.util.concurrent.Callable;
import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageTooLargeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley message}: Send one instant message. */
@Command(
    name = "message",
    mixinStandardHelpOptions = true,
    description = "Send one instant message; exits 0 once the peer or the server took it.")
final class MessageCommand implements Callable<Integer> {

  // Longer than a non-INVITE transaction's 32 s timeout, which reports a failure itself.
  private static final long OUTCOME_TIMEOUT_MILLIS = 40_000;

  @Spec CommandSpec spec;

  @Mixin AccountOptions options;

  @Parameters(index = "0", paramLabel = "TARGET", description = "sip:user@host, or a user name.")
  String target;

  @Parameters(index = "1", paramLabel = "TEXT", description = "The message (quote it).")
  String text;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("parley message: " + e.getMessage());
      return e.exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILURE;
    }
  }

  private int run() throws CommandFailure, InterruptedException {
    if (text.isBlank()) {
      throw new CommandFailure(ExitCodes.USAGE, "TEXT is empty: give the message to send.");
    }
    try (HeadlessPhone phone = HeadlessPhone.start(options)) {
      String id;
      try {
        id = phone.account().messaging().send(target, text);
      } catch (MessageTooLargeException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage() + ".");
      }
      MessageEvent outcome = awaitOutcome(phone, id);
      if (outcome instanceof MessageDelivered delivered) {
        spec.commandLine()
            .getOut()
            .println(
                delivered.storedForLater()
                    ? "Stored for " + delivered.peerUri() + " (offline): 202"
                    : "Delivered to " + delivered.peerUri() + ": " + delivered.statusCode());
        return ExitCodes.OK;
      }
      throw failure((MessageFailed) outcome);
    }
  }

  private static MessageEvent awaitOutcome(HeadlessPhone phone, String id)
      throws InterruptedException, CommandFailure {
    long deadline = System.currentTimeMillis() + OUTCOME_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      MessageEvent event = phone.nextMessageEvent(deadline - System.currentTimeMillis());
      if (event instanceof MessageDelivered delivered && delivered.messageId().equals(id)) {
        return event;
      }
      if (event instanceof MessageFailed failed && failed.messageId().equals(id)) {
        return event;
      }
    }
    throw new CommandFailure(
        ExitCodes.UNAVAILABLE, "No answer to the message within 40 s: check --account's server.");
  }

  private static CommandFailure failure(MessageFailed failed) {
    String status = failed.statusCode() + " " + failed.reason();
    return switch (failed.statusCode()) {
      case 401, 403, 407 ->
          new CommandFailure(
              ExitCodes.FAILURE,
              "The server refused the message (" + status + "): check --account and --password.");
      case 404 ->
          new CommandFailure(
              ExitCodes.FAILURE, failed.peerUri() + " does not exist (" + status + ").");
      case 408, 503 ->
          new CommandFailure(
              ExitCodes.UNAVAILABLE,
              "The message did not get through (" + status + "): check that the server runs.");
      default ->
          new CommandFailure(
              ExitCodes.FAILURE, "The message to " + failed.peerUri() + " failed: " + status + ".");
    };
  }
}
