package org.parley.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallPolicy;
import org.parley.media.codec.AudioCodec;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.JavaSoundGateway;
import org.parley.media.ffmpeg.FfmpegCodecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley call}: Register an account and place a call; play and record WAV files. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Register an account and place a call; play and record WAV files.")
final class CallCommand implements Callable<Integer> {

  private static final long ANSWER_TIMEOUT_MILLIS = 60_000;
  private static final long HANGUP_TIMEOUT_MILLIS = 5_000;

  @Spec CommandSpec spec;

  @Mixin PhoneOptions options;

  @Parameters(paramLabel = "TARGET", description = "Whom to call: sip:user@host, or a user name.")
  String target;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description = "Hang up S seconds after the answer (default: 10).")
  double durationSeconds = 10;

  @Option(
      names = "--codec",
      paramLabel = "opus|g722|pcmu|pcma",
      description = "Offer only this codec (default: all, opus first).")
  String codec;

  @Option(
      names = "--stats",
      paramLabel = "FILE.json",
      description = "Write the call's codec, packet counts, loss, jitter, RTT and MOS here.")
  Path stats;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("parley call: " + e.getMessage());
      return e.exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILURE;
    }
  }

  private int run() throws CommandFailure, InterruptedException {
    if (durationSeconds <= 0) {
      throw new CommandFailure(ExitCodes.USAGE, "--duration must be more than 0 seconds.");
    }
    List<AudioCodec> codecs = codecs();
    CallPolicy policy = options.callPolicy();
    AudioDevices devices = new AudioDevices(new JavaSoundGateway());
    AudioDeviceChoice choice = options.deviceChoice(devices);
    try (HeadlessPhone phone = HeadlessPhone.register(options.login, policy)) {
      Call call =
          phone
              .account()
              .call(target, HeadlessPhone.media(options, options.record, codecs, devices, choice));
      CallEvent answered = awaitAnswerOrEnd(phone);
      if (answered instanceof CallEnded ended) {
        throw new CommandFailure(ExitCodes.FAILURE, "The call failed: " + ended.detail() + ".");
      }
      CallEnded ended = awaitEnd(phone, Math.round(durationSeconds * 1000));
      if (ended == null) {
        writeStats(call);
        call.hangUp();
        ended = awaitEnd(phone, HANGUP_TIMEOUT_MILLIS);
      }
      if (ended == null
          || (ended.reason() != EndReason.LOCAL_HANGUP
              && ended.reason() != EndReason.REMOTE_HANGUP)) {
        throw new CommandFailure(
            ExitCodes.FAILURE,
            "The call did not end normally" + (ended == null ? "" : ": " + ended.detail()) + ".");
      }
      return ExitCodes.OK;
    }
  }

  private void writeStats(Call call) throws CommandFailure {
    if (stats == null) {
      return;
    }
    try {
      CallStatsJson.write(stats, call);
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.FAILURE, "Cannot write " + stats + ": " + e.getMessage() + ".");
    }
  }

  private static CallEvent awaitAnswerOrEnd(HeadlessPhone phone)
      throws InterruptedException, CommandFailure {
    long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      CallEvent event = phone.nextEvent(deadline - System.currentTimeMillis());
      if (event instanceof CallEstablished || event instanceof CallEnded) {
        return event;
      }
    }
    throw new CommandFailure(ExitCodes.FAILURE, "Nobody answered within 60 s.");
  }

  private static CallEnded awaitEnd(HeadlessPhone phone, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      CallEvent event = phone.nextEvent(Math.max(1, deadline - System.currentTimeMillis()));
      if (event instanceof CallEnded ended) {
        return ended;
      }
    }
    return null;
  }

  private List<AudioCodec> codecs() throws CommandFailure {
    if (codec == null) {
      return List.of();
    }
    var registry = FfmpegCodecs.defaultRegistry();
    Optional<AudioCodec> chosen =
        switch (codec.toLowerCase(Locale.ROOT)) {
          case "opus" -> registry.find("opus", 48_000);
          case "g722" -> registry.find("G722", 8000);
          case "pcmu" -> registry.find("PCMU", 8000);
          case "pcma" -> registry.find("PCMA", 8000);
          default ->
              throw new CommandFailure(
                  ExitCodes.USAGE, "Unknown codec '" + codec + "': use opus, g722, pcmu or pcma.");
        };
    return List.of(
        chosen.orElseThrow(
            () ->
                new CommandFailure(
                    ExitCodes.UNAVAILABLE,
                    "The " + codec + " codec needs FFmpeg, which does not load here: use pcmu.")));
  }
}
