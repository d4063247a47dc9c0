package org.parley.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.parley.server.ParleyServer;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.store.StoreException;
import org.parley.server.store.sqlite.ServerDatabase;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one {@code parley server user|room ...} action on the configured server database. */
final class Provisioning {

  private Provisioning() {}

  /** One action on the open database, printing its result to {@code out}. */
  @FunctionalInterface
  interface Action {
    void run(ServerDatabase database, ServerConfig config, PrintWriter out)
        throws StoreException, IOException;
  }

  /**
   * Opens the database of {@code server}'s data folder, runs {@code action} and closes it; errors
   * are printed as {@code parley server COMMAND: message}.
   */
  static int run(ServerCommand server, CommandSpec spec, String command, Action action) {
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig config;
    try {
      config = server.resolve();
    } catch (ConfigException e) {
      err.println("parley server " + command + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      action.run(database, config, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (IllegalArgumentException | StoreException | IOException e) {
      err.println("parley server " + command + ": " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}
