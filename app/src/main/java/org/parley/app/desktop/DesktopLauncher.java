package org.parley.app.desktop;

import javafx.application.Application;
import org.parley.app.cli.Console;
import org.parley.app.cli.ExitCodes;
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

  private DesktopLauncher() {}

  /** Opens the main window and blocks until the app exits. */
  public static int launch() {
    LogFiles.writeTo(UserDataDirectory.forCurrentUser().resolve("logs"), "parley.log");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    LOG.info("Starting the Parley desktop app");
    try {
      Application.launch(ParleyApplication.class);
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      // JavaFX reports a missing display this way; the user needs one line, the log the detail.
      LOG.error("The desktop app could not start", e);
      Console.err()
          .println(
              "parley: cannot open a window ("
                  + e.getMessage()
                  + "). Run it in a desktop session, or use a subcommand: parley --help");
      return ExitCodes.FAILURE;
    }
  }
}
