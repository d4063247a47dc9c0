package org.parley.app.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The command line's own output: results on stdout, one-line errors on stderr. Nothing else writes
 * to the console.
 */
public final class Console {

  private Console() {}

  public static PrintWriter out() {
    return new PrintWriter(System.out, true, charset());
  }

  public static PrintWriter err() {
    return new PrintWriter(System.err, true, charset());
  }

  private static Charset charset() {
    java.io.Console terminal = System.console();
    return terminal != null ? terminal.charset() : Charset.defaultCharset();
  }
}
