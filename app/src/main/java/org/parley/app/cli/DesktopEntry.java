package org.parley.app.cli;

import java.util.List;

/** Starts the desktop app and blocks until its window is closed; returns the exit status. */
@FunctionalInterface
public interface DesktopEntry {
  int launch();

  /**
   * Starts the desktop app to call {@code links} ({@code sip:}, {@code sips:}, {@code tel:}), or
   * hands them to the app already running. Entries that do not open links (tests of the headless
   * commands) just start.
   */
  default int launch(List<String> links) {
    return launch();
  }
}
