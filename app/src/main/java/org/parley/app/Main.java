package org.parley.app;

import java.util.List;
import org.parley.app.cli.DesktopEntry;
import org.parley.app.cli.ParleyCommandLine;
import org.parley.app.desktop.DesktopLauncher;

/**
 * Parley's single entry point: the desktop app with no arguments, a headless command otherwise.
 *
 * <p>The desktop is reached only through the class below, so a headless command never loads a
 * JavaFX class (checked by {@code HeadlessLaunchIT}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exitCode = ParleyCommandLine.create(new Desktop()).execute(args);
    Runtime.getRuntime().exit(exitCode);
  }

  /**
   * Not a method reference: that would load DesktopLauncher at once. DesktopLauncher is resolved
   * only when one of these methods runs.
   */
  private static final class Desktop implements DesktopEntry {
    @Override
    public int launch() {
      return DesktopLauncher.launch();
    }

    @Override
    public int launch(List<String> links) {
      return DesktopLauncher.launch(links);
    }
  }
}
