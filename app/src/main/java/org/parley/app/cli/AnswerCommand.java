package org.parley.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallPolicy;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.JavaSoundGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley answer}: Register an account and answer incoming calls. */
@Command(
    name = "answer",
    mixinStandardHelpOptions = true,
    description = "Register an account and answer incoming calls.")
final class AnswerCommand implements Callable<Integer> {

  private static final long POLL_MILLIS = 200;

  @Spec CommandSpec spec;

  @Mixin PhoneOptions options;

  @Option(
      names = "--calls",
      paramLabel = "N",
      description = "Exit after N calls have ended (default: run until --duration).")
  int calls;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description = "Stop after S seconds, hanging up any call (default: no limit).")
  double durationSeconds;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("parley answer: " + e.getMessage());
      return e.exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILURE;
    }
  }

  private int run() throws CommandFailure, InterruptedException {
    if (calls < 0 || durationSeconds < 0) {
      throw new CommandFailure(ExitCodes.USAGE, "--calls and --duration must not be negative.");
    }
    if (calls == 0 && durationSeconds == 0) {
      throw new CommandFailure(ExitCodes.USAGE, "Give --calls N, --duration S or both.");
    }
    long deadline =
        durationSeconds > 0
            ? System.currentTimeMillis() + Math.round(durationSeconds * 1000)
            : Long.MAX_VALUE;
    CallPolicy policy = options.callPolicy();
    AudioDevices devices = new AudioDevices(new JavaSoundGateway());
    AudioDeviceChoice choice = options.deviceChoice(devices);
    try (HeadlessPhone phone = HeadlessPhone.register(options.login, policy)) {
      spec.commandLine().getOut().println("Registered " + phone.account().addressOfRecord());
      int answered = 0;
      int ended = 0;
      while ((calls == 0 || ended < calls) && System.currentTimeMillis() < deadline) {
        CallEvent event = phone.nextEvent(POLL_MILLIS);
        if (event instanceof IncomingCall incoming) {
          answered++;
          incoming
              .call()
              .answer(
                  HeadlessPhone.media(options, recordPath(answered), List.of(), devices, choice));
        } else if (event instanceof CallEnded) {
          ended++;
        }
      }
      for (Call call : phone.account().activeCalls()) {
        call.hangUp();
      }
      return ExitCodes.OK;
    }
  }

  // The first call records to --record itself, later ones to name-2.wav, name-3.wav...
  private Path recordPath(int callNumber) {
    if (options.record == null || callNumber == 1) {
      return options.record;
    }
    String name = options.record.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered =
        dot > 0
            ? name.substring(0, dot) + "-" + callNumber + name.substring(dot)
            : name + "-" + callNumber;
    return options.record.resolveSibling(numbered);
  }
}
