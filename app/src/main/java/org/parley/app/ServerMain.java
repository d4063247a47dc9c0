package org.parley.app;

/**
 * Entry point of the installed {@code parley-server} launcher: {@code parley server} followed by
 * the arguments given, so a service runs the SIP server with the server's JVM options, not the
 * desktop client's (ADR 0043).
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) {
    Main.main(serverArguments(args));
  }

  /**
   * The command line {@code parley} would get. A jpackage launcher's default arguments apply only
   * when it is given none, so a service's {@code --data DIR} would lose a default {@code server}.
   */
  static String[] serverArguments(String[] args) {
    String[] withServer = new String[args.length + 1];
    withServer[0] = "server";
    System.arraycopy(args, 0, withServer, 1, args.length);
    return withServer;
  }
}
