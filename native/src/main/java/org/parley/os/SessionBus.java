package org.parley.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where this user's D-Bus session bus is, if there is one: {@code DBUS_SESSION_BUS_ADDRESS}, or
 * else the socket a systemd user session keeps at {@code $XDG_RUNTIME_DIR/bus}.
 */
public final class SessionBus {

  /** The variable that names the bus. */
  public static final String ADDRESS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

  private SessionBus() {}

  /** The bus address (D-Bus address syntax), or empty when this environment has no session bus. */
  public static Optional<String> address(Map<String, String> environment) {
    String address = environment.getOrDefault(ADDRESS_VARIABLE, "").strip();
    if (!address.isEmpty()) {
      return Optional.of(address);
    }
    String runtime = environment.getOrDefault("XDG_RUNTIME_DIR", "").strip();
    if (runtime.isEmpty()) {
      return Optional.empty();
    }
    Path socket = Path.of(runtime, "bus");
    return Files.exists(socket) ? Optional.of("unix:path=" + socket) : Optional.empty();
  }
}
