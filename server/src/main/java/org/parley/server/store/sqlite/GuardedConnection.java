package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.parley.server.store.StoreException;

/**
 * A store's own connection, used by one thread at a time and closed once: the lock, the closed
 * check and the wrapping of SQL failures that the small stores (rooms, presence) share.
 */
final class GuardedConnection implements AutoCloseable {

  /** Work on the connection; a StoreException it throws reaches the caller as it is. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException, StoreException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Connection connection; // guarded by lock
  private final String name;
  private boolean closed; // guarded by lock

  /**
   * @param name the store as failures name it, such as {@code the room store of <database>}
   */
  GuardedConnection(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  /**
   * Runs {@code work} under the lock; an SQL failure becomes a StoreException saying {@code
   * failure}.
   */
  <T> T run(String failure, Work<T> work) throws StoreException {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException(name + " is closed");
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw SqliteFailures.wrap(failure, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #run}, in one transaction: committed when {@code work} returns, else rolled back.
   */
  <T> T inTransaction(String failure, Work<T> work) throws StoreException {
    return run(
        failure,
        c -> {
          boolean committed = false;
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            committed = true;
            return result;
          } finally {
            if (!committed) {
              c.rollback();
            }
            c.setAutoCommit(true);
          }
        });
  }

  /** Closes the connection; later work fails with StoreException. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        SqliteConnections.closeQuietly(connection);
      }
    } finally {
      lock.unlock();
    }
  }
}
