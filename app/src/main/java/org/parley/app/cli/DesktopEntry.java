package org.parley.app.cli;

/** Starts the desktop app and blocks until its window is closed; returns the exit status. */
@FunctionalInterface
public interface DesktopEntry {
  int launch();
}
