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
    Runtime.getRuntime().exit(run(args, new Desktop()));
  }

  /**
   * Runs the command in {@code args}. With none, the desktop app opens without building the command
   * tree: picocli reads every subcommand's annotations first, which costs a busy machine a second
   * before the window and the registration can start.
   */
  static int run(String[] args, DesktopEntry desktop) {
    if (args.length == 0) {
      return desktop.launch();
    }
    return ParleyCommandLine.create(desktop).execute(args);
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
