package org.parley.app.cli;

import java.io.IOException;
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
  private static final long STATS_EVERY_MILLIS = 1_000;

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

  @Option(
      names = "--stats",
      paramLabel = "FILE.json",
      description =
          "Keep the answered call's codec, packet counts, loss, jitter, RTT, MOS and jitter buffer"
              + " delay here, rewritten every second while it runs (later calls: FILE-2.json...).")
  Path stats;

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
      Call current = null;
      long statsWrittenMillis = 0;
      while ((calls == 0 || ended < calls) && System.currentTimeMillis() < deadline) {
        CallEvent event = phone.nextEvent(POLL_MILLIS);
        if (event instanceof IncomingCall incoming) {
          answered++;
          current = incoming.call();
          current.answer(
              HeadlessPhone.media(
                  options, numbered(options.record, answered), List.of(), devices, choice));
        } else if (event instanceof CallEnded) {
          ended++;
        }
        // A call's figures are gone once it ends (the caller usually hangs up), so they are
        // written while it runs: the file then holds all but the last second of the call.
        long now = System.currentTimeMillis();
        if (current != null && now - statsWrittenMillis >= STATS_EVERY_MILLIS) {
          statsWrittenMillis = now;
          writeStats(current, answered);
        }
      }
      for (Call call : phone.account().activeCalls()) {
        call.hangUp();
      }
      return ExitCodes.OK;
    }
  }

  private void writeStats(Call call, int callNumber) throws CommandFailure {
    if (stats == null || call.quality().isEmpty()) {
      return;
    }
    Path file = numbered(stats, callNumber);
    try {
      CallStatsJson.write(file, call);
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.FAILURE, "Cannot write " + file + ": " + e.getMessage() + ".");
    }
  }

  // The first call uses the path itself, later ones name-2.wav, name-3.wav...
  private static Path numbered(Path path, int callNumber) {
    if (path == null || callNumber == 1) {
      return path;
    }
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered =
        dot > 0
            ? name.substring(0, dot) + "-" + callNumber + name.substring(dot)
            : name + "-" + callNumber;
    return path.resolveSibling(numbered);
  }
}
