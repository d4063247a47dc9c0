package org.parley.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.parley.server.UserAdministration;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley server user ...}: provisioning. It writes the same database the running server
 * reads, so changes take effect at once, with or without a server running.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Add, change, remove, list or import the server's users.")
final class UserCommand {

  @ParentCommand ServerCommand server;

  @Spec CommandSpec spec;

  /** Runs one action against the database of the configured data folder. */
  private int withUsers(UserAction action) {
    return Provisioning.run(
        server,
        spec,
        "user",
        (database, config, out) ->
            action.run(new UserAdministration(database.users(), config.domain()), out));
  }

  @Command(name = "add", description = "Add a user.")
  int add(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = "--password",
              required = true,
              paramLabel = "PW",
              description = "At least 8 characters.")
          String password) {
    return withUsers(
        (users, out) -> {
          users.add(name, password.toCharArray());
          out.printf("Added %s%n", name);
        });
  }

  @Command(name = "passwd", description = "Set a user's password.")
  int passwd(
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--password", required = true, paramLabel = "PW") String password) {
    return withUsers(
        (users, out) -> {
          users.changePassword(name, password.toCharArray());
          out.printf("Changed the password of %s%n", name);
        });
  }

  @Command(name = "remove", description = "Remove a user.")
  int remove(@Parameters(paramLabel = "NAME") String name) {
    return withUsers(
        (users, out) -> {
          users.remove(name);
          out.printf("Removed %s%n", name);
        });
  }

  @Command(name = "list", description = "List the users.")
  int list() {
    return withUsers(
        (users, out) -> {
          for (User user : users.list()) {
            out.println(user.name());
          }
        });
  }

  @Command(
      name = "import",
      description = "Add or update users from a CSV file of name,password lines.")
  int importCsv(@Parameters(paramLabel = "FILE.csv") Path file) {
    return withUsers(
        (users, out) -> {
          UserAdministration.ImportResult result = users.importCsv(file);
          out.printf("Imported %d new and %d updated users%n", result.added(), result.updated());
        });
  }

  @FunctionalInterface
  private interface UserAction {
    void run(UserAdministration users, PrintWriter out) throws StoreException, java.io.IOException;
  }
}
