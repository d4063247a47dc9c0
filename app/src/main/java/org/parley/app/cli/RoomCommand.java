package org.parley.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.parley.server.RoomAdministration;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley server room ...}: group chat rooms. It writes the database the running server reads
 * on every room message, so changes take effect at once.
 */
@Command(
    name = "room",
    mixinStandardHelpOptions = true,
    description = "Add, list or remove group chat rooms (sip:NAME@DOMAIN).")
final class RoomCommand {

  @ParentCommand ServerCommand server;

  @Spec CommandSpec spec;

  private int withRooms(RoomAction action) {
    return Provisioning.run(
        server,
        spec,
        "room",
        (database, config, out) ->
            action.run(new RoomAdministration(database.rooms(), database.users()), out));
  }

  @Command(name = "add", description = "Add a room with its members.")
  int add(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = "--member",
              required = true,
              paramLabel = "USER",
              description = "A member's user name; repeat for each member.")
          List<String> members) {
    return withRooms(
        (rooms, out) -> {
          rooms.add(name, members);
          out.printf("Added room %s with %d members%n", name, members.size());
        });
  }

  @Command(name = "members", description = "List a room's members.")
  int members(@Parameters(paramLabel = "NAME") String name) {
    return withRooms((rooms, out) -> rooms.members(name).forEach(out::println));
  }

  @Command(name = "remove", description = "Remove a room.")
  int remove(@Parameters(paramLabel = "NAME") String name) {
    return withRooms(
        (rooms, out) -> {
          rooms.remove(name);
          out.printf("Removed room %s%n", name);
        });
  }

  @Command(name = "list", description = "List the rooms.")
  int list() {
    return withRooms(
        (rooms, out) -> {
          for (ChatRoom room : rooms.list()) {
            out.println(room.name() + " " + String.join(",", room.members()));
          }
        });
  }

  @FunctionalInterface
  private interface RoomAction {
    void run(RoomAdministration rooms, PrintWriter out) throws StoreException;
  }
}
