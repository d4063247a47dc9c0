package org.parley.app.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import org.parley.app.cli.Console;
import org.parley.app.cli.ExitCodes;
import org.parley.app.desktop.session.SessionStart;
import org.parley.app.link.LinkInbox;
import org.parley.app.link.SingleInstance;
import org.parley.app.logging.LogFiles;
import org.parley.core.profile.UserDataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the JavaFX desktop app; kept apart from {@code Main} so headless commands never load
 * JavaFX.
 */
public final class DesktopLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

  /** The single-instance socket in the profile folder. */
  static final String SOCKET_NAME = "parley.sock";

  private static final long SHUTDOWN_SECONDS = 10;

  private DesktopLauncher() {}

  /** Opens the main window and blocks until the app exits. */
  public static int launch() {
    return launch(List.of());
  }

  /**
   * Hands {@code links} to the Parley already running on this profile and returns at once, or else
   * opens the main window, calls the links there, and blocks until the app exits.
   */
  public static int launch(List<String> links) {
    Path profile = UserDataDirectory.forCurrentUser();
    LogFiles.writeTo(profile.resolve("logs"), "parley.log");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Path socket = profile.resolve(SOCKET_NAME);
    if (SingleInstance.handOff(socket, links)) {
      LOG.info("Parley is already running: handed it {} link(s)", links.size());
      return ExitCodes.OK;
    }
    LinkInbox inbox = new LinkInbox();
    if (!links.isEmpty()) {
      inbox.deliver(links);
    }
    try (SingleInstance instance = listen(profile, socket, inbox)) {
      if (instance == null && SingleInstance.handOff(socket, links)) {
        return ExitCodes.OK; // another launch won the race to the socket
      }
      return launchWindow(inbox);
    }
  }

  // Null when another app took the socket first or it cannot be made (then links from later
  // launches open a second window instead, which is how it was before).
  private static SingleInstance listen(Path profile, Path socket, LinkInbox inbox) {
    try {
      Files.createDirectories(profile);
      return SingleInstance.listen(socket, inbox::deliver);
    } catch (SingleInstance.AlreadyRunningException e) {
      return null;
    } catch (IOException e) {
      LOG.warn("Links from later launches will open another window: no socket at {}", socket, e);
      return null;
    }
  }

  private static int launchWindow(LinkInbox inbox) {
    LOG.info("Starting the Parley desktop app");
    ParleyApplication.takeLinksFrom(inbox);
    // The profile, the SIP stack and the registration need no toolkit: they start beside it.
    SessionStart session =
        SessionStart.begin(
            UserDataDirectory.forCurrentUser(), Optional.empty(), Platform::runLater);
    ParleyApplication.takeSessionFrom(session);
    try {
      Application.launch(ParleyApplication.class);
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      // JavaFX reports a missing display this way; the user needs one line, the log the detail.
      LOG.error("The desktop app could not start", e);
      session.abandon(SHUTDOWN_SECONDS); // un-REGISTERs what registered meanwhile
      Console.err()
          .println(
              "parley: cannot open a window ("
                  + e.getMessage()
                  + "). Run it in a desktop session, or use a subcommand: parley --help");
      return ExitCodes.FAILURE;
    }
  }
}
