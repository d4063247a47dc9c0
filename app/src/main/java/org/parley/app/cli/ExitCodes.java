package org.parley.app.cli;

/** Process exit statuses of the command line, after BSD's sysexits where one fits. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  /** The command exists but its feature is not built yet (sysexits' EX_UNAVAILABLE). */
  public static final int UNAVAILABLE = 69;

  private ExitCodes() {}
}
