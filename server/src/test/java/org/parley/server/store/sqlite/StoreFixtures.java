package org.parley.server.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.server.store.Binding;
import org.parley.server.store.User;

/** Users, bindings and helpers shared by the store tests. */
final class StoreFixtures {

  /** A fixed "now", with nanoseconds, so round trips prove instants are stored exactly. */
  static final Instant NOW = Instant.parse("2030-05-01T10:15:30.123456789Z");

  private StoreFixtures() {}

  static User user(String name) {
    return new User(name, "example.com", "md5-of-" + name, "sha256-of-" + name);
  }

  /** A binding of {@code aor} for one hour from {@link #NOW}, with every field set. */
  static Binding binding(String aor, String contactUri) {
    return binding(aor, contactUri, NOW.plusSeconds(3600));
  }

  static Binding binding(String aor, String contactUri, Instant expiresAt) {
    return new Binding(
        aor,
        contactUri,
        ";+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";reg-id=1",
        expiresAt,
        "call-" + contactUri,
        7,
        500,
        List.of("<sip:edge.example.com;lr>", "<sip:core.example.com;lr>"),
        "TCP",
        "192.0.2.4",
        50612,
        "Parley/0.1",
        NOW);
  }

  /** Waits at most ten seconds for {@code stage}; its failure is rethrown wrapped. */
  static <T> T await(CompletionStage<T> stage)
      throws InterruptedException, ExecutionException, TimeoutException {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A plain JDBC connection to {@code file}, as another program would open it. */
  static Connection rawConnection(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
