package org.parley.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level {@code parley} command: the desktop app, or one of the headless subcommands. */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Parley: a softphone for calls, chat, presence and visual voicemail, and its SIP server.",
      "With no command, opens the desktop app."
    },
    subcommands = {
      ServerCommand.class,
      CallCommand.class,
      AnswerCommand.class,
      MessageCommand.class,
      ReceiveCommand.class
    })
public final class ParleyCommand implements Callable<Integer> {

  private final DesktopEntry desktop;

  ParleyCommand(DesktopEntry desktop) {
    this.desktop = desktop;
  }

  @Override
  public Integer call() {
    return desktop.launch();
  }
}
