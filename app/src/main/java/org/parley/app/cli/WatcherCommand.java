package org.parley.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.parley.server.WatcherAdministration;
import org.parley.server.store.StoreException;
import org.parley.server.store.WatcherRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley server watcher ...}: who may watch a user's presence. It writes the database the
 * running server reads at every SUBSCRIBE and NOTIFY, so a rule applies at once.
 */
@Command(
    name = "watcher",
    mixinStandardHelpOptions = true,
    description =
        "Allow or block a watcher of a user's presence (see presence.watchers in the config).")
final class WatcherCommand {

  @ParentCommand ServerCommand server;

  @Spec CommandSpec spec;

  private int withWatchers(WatcherAction action) {
    return Provisioning.run(
        server,
        spec,
        "watcher",
        (database, config, out) ->
            action.run(new WatcherAdministration(database.watcherRules(), database.users()), out));
  }

  private int set(String user, String watcher, WatcherRule rule) {
    return withWatchers(
        (watchers, out) -> {
          watchers.set(user, watcher, rule);
          out.printf("%s: %s %s%n", user, rule.name().toLowerCase(Locale.ROOT), watcher);
        });
  }

  @Command(name = "allow", description = "Let WATCHER see USER's presence.")
  int allow(
      @Parameters(paramLabel = "USER") String user,
      @Parameters(paramLabel = "WATCHER") String watcher) {
    return set(user, watcher, WatcherRule.ALLOW);
  }

  @Command(name = "block", description = "Keep WATCHER from seeing USER's presence.")
  int block(
      @Parameters(paramLabel = "USER") String user,
      @Parameters(paramLabel = "WATCHER") String watcher) {
    return set(user, watcher, WatcherRule.BLOCK);
  }

  @Command(name = "remove", description = "Remove USER's rule for WATCHER.")
  int remove(
      @Parameters(paramLabel = "USER") String user,
      @Parameters(paramLabel = "WATCHER") String watcher) {
    return withWatchers(
        (watchers, out) -> {
          watchers.remove(user, watcher);
          out.printf("%s: no rule for %s%n", user, watcher);
        });
  }

  @Command(name = "list", description = "List USER's rules.")
  int list(@Parameters(paramLabel = "USER") String user) {
    return withWatchers(
        (watchers, out) ->
            watchers
                .list(user)
                .forEach(
                    (watcher, rule) ->
                        out.println(rule.name().toLowerCase(Locale.ROOT) + " " + watcher)));
  }

  @FunctionalInterface
  private interface WatcherAction {
    void run(WatcherAdministration watchers, PrintWriter out) throws StoreException;
  }
}
