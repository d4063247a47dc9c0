package org.parley.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.parley.app.link.CallLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The top-level {@code parley} command: the desktop app, or one of the headless subcommands. */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Parley: a softphone for calls, chat, presence and visual voicemail, and its SIP server.",
      "With no command, opens the desktop app; with a sip: or tel: link, calls it there",
      "(in the Parley already running, if there is one)."
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

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "LINK",
      description = "sip:user@host or tel:+number to call in the desktop app")
  private List<String> links = List.of();

  ParleyCommand(DesktopEntry desktop) {
    this.desktop = desktop;
  }

  @Override
  public Integer call() {
    if (links.isEmpty()) {
      return desktop.launch();
    }
    for (String link : links) {
      String problem = problemWith(link);
      if (problem != null) {
        spec.commandLine().getErr().println("parley: " + problem);
        return ExitCodes.USAGE;
      }
    }
    return desktop.launch(List.copyOf(links));
  }

  private static String problemWith(String link) {
    if (!CallLink.isLink(link)) {
      return "\u201c"
          + link
          + "\u201d is neither a command nor a sip:/tel: link; see parley --help";
    }
    try {
      CallLink.parse(link);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
