package org.parley.app;

import org.parley.app.cli.ParleyCommandLine;
import org.parley.app.desktop.DesktopLauncher;

/**
 * Parley's single entry point: the desktop app with no arguments, a headless command otherwise.
 *
 * <p>The desktop is reached only through the lambda below, so a headless command never loads a
 * JavaFX class (checked by {@code HeadlessLaunchIT}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // A lambda, not a method reference: a method reference would load DesktopLauncher at once.
    int exitCode = ParleyCommandLine.create(() -> DesktopLauncher.launch()).execute(args);
    Runtime.getRuntime().exit(exitCode);
  }
}
