package org.parley.core.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A deliberate rule breaker for ArchitectureRulesTest: SQL outside a {@code store.sqlite} package.
 */
public final class CoreClassUsingJdbc {

  private CoreClassUsingJdbc() {}

  public static boolean open(Connection connection) throws SQLException {
    return !connection.isClosed();
  }
}
