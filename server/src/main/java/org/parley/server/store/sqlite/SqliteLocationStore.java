package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.parley.server.store.Binding;
import org.parley.server.store.LocationStore;
import org.parley.server.store.StoreBusyException;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location service in SQLite, written with group commit: one writer thread with its own
 * connection takes every queued change, writes them in one transaction, commits (an fsync, as the
 * connection runs with {@code synchronous=FULL}), and only then completes their futures. While one
 * batch is being synced the next one gathers, so many registrations share one fsync.
 *
 * <p>Each change runs inside its own savepoint, so one that fails (a constraint, a full disk on
 * insert) fails alone; a failed commit fails every change of its batch. Either way the writer goes
 * on with the next batch. At most {@link #QUEUE_CAPACITY} changes wait; beyond that {@link
 * #replace} fails at once with a StoreException rather than let memory and latency grow without
 * bound. Futures are completed on the writer thread.
 */
final class SqliteLocationStore implements LocationStore {

  /** How many changes may wait for the writer before replace() is refused. */
  static final int QUEUE_CAPACITY = 10_000;

  /** The most changes committed in one transaction. */
  static final int MAX_BATCH = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(SqliteLocationStore.class);

  /** Work the writer thread does inside a batch's transaction, with the writer's connection. */
  @FunctionalInterface
  interface WriterTask<T> {
    T run(Connection connection) throws SQLException;
  }

  /** One queued change and the future its caller waits on. */
  private record Job<T>(String what, WriterTask<T> task, CompletableFuture<T> future) {}

  /** Queued last by close(): the writer stops when it reaches it. */
  private static final Job<Void> SHUTDOWN =
      new Job<>("shut down", connection -> null, new CompletableFuture<>());

  private final String database;
  private final Connection connection; // used by the writer thread only
  // Prepared once and reused, on the writer thread only; null until first used and after a
  // failure, since sqlite-jdbc may leave a statement unusable after an error.
  private PreparedStatement deleteAor;
  private PreparedStatement insert;
  // Transaction control, compiled once: sqlite-jdbc compiles a plain Statement's SQL every time.
  private PreparedStatement begin;
  private PreparedStatement commit;
  private PreparedStatement savepoint;
  private PreparedStatement release;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  // The bound on waiting jobs, kept apart from the queue so that SHUTDOWN always fits in it.
  private final Semaphore room = new Semaphore(QUEUE_CAPACITY);
  // Read-locked to queue a job, write-locked to close: nothing is queued after SHUTDOWN.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lifecycle
  private final Thread writer;

  private SqliteLocationStore(Connection connection, String database) {
    this.database = database;
    this.connection = connection;
    writer = new Thread(this::runWriter, "parley-location-writer");
    // A daemon: a server that forgets close() still exits. Unfinished writes were never
    // acknowledged, since their futures complete only after the commit.
    writer.setDaemon(true);
  }

  /**
   * Starts a store that owns {@code connection} (to a migrated database) and closes it on close.
   *
   * @param database the file's name, for messages
   */
  static SqliteLocationStore start(Connection connection, String database) {
    SqliteLocationStore store = new SqliteLocationStore(connection, database);
    store.writer.start();
    return store;
  }

  @Override
  public List<Binding> loadUnexpired(Instant now) throws StoreException {
    long nowNanos = BindingRows.toNanos(now);
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException(
          "loadUnexpired() would wait for its own thread; call it outside replace() callbacks");
    }
    String what = "load the bindings of " + database;
    CompletableFuture<List<Binding>> loaded = submit(what, c -> loadUnexpired(c, nowNanos));
    try {
      return loaded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to " + what);
    } catch (ExecutionException e) {
      // A new exception, so the stack trace shows this caller and not only the writer thread.
      Throwable cause = e.getCause();
      throw new StoreException(cause.getMessage(), cause);
    }
  }

  @Override
  public CompletionStage<Void> replace(String aor, List<Binding> bindings) {
    Objects.requireNonNull(aor, "aor");
    List<Binding> rows = List.copyOf(bindings);
    for (Binding binding : rows) {
      if (!binding.aor().equals(aor)) {
        throw new IllegalArgumentException(
            "Binding of " + binding.aor() + " given to replace the bindings of " + aor);
      }
      BindingRows.checkStorable(binding);
    }
    CompletableFuture<Void> replaced =
        submit("replace the bindings of " + aor, c -> write(aor, rows));
    // Callers get a stage they cannot complete themselves.
    return replaced.minimalCompletionStage();
  }

  /**
   * Queues {@code task} to run on the writer thread in the next batch; the future completes after
   * that batch commits, or exceptionally with a StoreException.
   *
   * @param what what the task does, as a verb phrase for messages
   */
  <T> CompletableFuture<T> submit(String what, WriterTask<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    lifecycle.readLock().lock();
    try {
      if (closed) {
        future.completeExceptionally(
            new StoreException(
                "could not " + what + ": the location store of " + database + " is closed"));
      } else if (room.tryAcquire()) {
        queue.add(new Job<>(what, task, future));
      } else {
        future.completeExceptionally(
            new StoreBusyException(
                "could not "
                    + what
                    + ": "
                    + QUEUE_CAPACITY
                    + " changes are already waiting to be written to "
                    + database
                    + " (is the disk slow or stuck?)"));
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    return future;
  }

  /** Waits for queued writes, then closes the connection; later calls fail. */
  @Override
  public void close() {
    boolean first;
    lifecycle.writeLock().lock();
    try {
      first = !closed;
      closed = true;
    } finally {
      lifecycle.writeLock().unlock();
    }
    if (first) {
      queue.add(SHUTDOWN);
    }
    if (Thread.currentThread() != writer) {
      joinUninterruptibly(writer);
    }
  }

  private Void write(String aor, List<Binding> bindings) throws SQLException {
    if (deleteAor == null) {
      deleteAor = connection.prepareStatement("DELETE FROM bindings WHERE aor = ?");
      insert = connection.prepareStatement(BindingRows.INSERT);
    }
    deleteAor.setString(1, aor);
    deleteAor.executeUpdate();
    for (Binding binding : bindings) {
      BindingRows.bind(insert, binding);
      insert.executeUpdate();
    }
    return null;
  }

  private static List<Binding> loadUnexpired(Connection connection, long nowNanos)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM bindings WHERE expires_at_ns <= ?")) {
      delete.setLong(1, nowNanos);
      int expired = delete.executeUpdate();
      LOG.debug("Deleted {} expired bindings", expired);
    }
    List<Binding> bindings = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT " + BindingRows.COLUMNS + " FROM bindings ORDER BY aor, id")) {
      while (rows.next()) {
        bindings.add(BindingRows.read(rows));
      }
    }
    return List.copyOf(bindings);
  }

  /** The writer thread's root: batches until SHUTDOWN, then closes the connection. */
  private void runWriter() {
    List<Job<?>> batch = new ArrayList<>();
    try {
      boolean running = true;
      while (running) {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        running = !batch.removeIf(job -> job == SHUTDOWN);
        room.release(batch.size());
        if (!batch.isEmpty()) {
          runBatch(batch);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("The location writer of {} was interrupted; queued changes fail", database);
    } finally {
      stop(batch);
    }
  }

  private void runBatch(List<Job<?>> batch) {
    List<Runnable> completions = new ArrayList<>(batch.size());
    try (Statement statement = connection.createStatement()) {
      long startNanos = System.nanoTime();
      prepareTransactionControl();
      begin.executeUpdate();
      try {
        for (Job<?> job : batch) {
          completions.add(runInSavepoint(statement, job));
        }
        commit.executeUpdate();
      } catch (SQLException | RuntimeException e) {
        discardStatements();
        rollbackQuietly(statement);
        throw e;
      }
      LOG.debug(
          "Committed {} location changes in {} ms",
          batch.size(),
          (System.nanoTime() - startNanos) / 1_000_000);
    } catch (SQLException e) {
      String what = "write " + batch.size() + " location changes to " + database;
      for (Job<?> job : batch) {
        StoreException failure =
            SqliteFailures.wrap("could not " + job.what() + " (" + what + ")", e);
        job.future().completeExceptionally(failure);
      }
      return;
    } catch (RuntimeException e) {
      // A bug in a task, not a storage failure: log it here, at the thread root, and go on.
      LOG.error("Writing {} location changes to {} failed", batch.size(), database, e);
      for (Job<?> job : batch) {
        job.future()
            .completeExceptionally(
                new StoreException("could not " + job.what() + ": internal error", e));
      }
      return;
    }
    completions.forEach(Runnable::run);
  }

  /**
   * Runs one job in a savepoint. Its own failure is rolled back to the savepoint and reported to it
   * alone; when even that rollback fails (SQLite ended the transaction, as it may on a full disk or
   * I/O error), the SQLException escapes and fails the batch.
   *
   * @return what completes the job's future once the batch has committed
   */
  private <T> Runnable runInSavepoint(Statement statement, Job<T> job) throws SQLException {
    savepoint.executeUpdate();
    T result;
    try {
      result = job.task().run(connection);
    } catch (SQLException e) {
      discardDataStatements();
      try {
        statement.executeUpdate("ROLLBACK TO job");
        statement.executeUpdate("RELEASE job");
      } catch (SQLException rollbackFailure) {
        // The transaction is gone: fail the batch with the cause, such as SQLITE_FULL.
        e.addSuppressed(rollbackFailure);
        throw e;
      }
      StoreException failure = SqliteFailures.wrap("could not " + job.what(), e);
      return () -> job.future().completeExceptionally(failure);
    }
    release.executeUpdate();
    return () -> job.future().complete(result);
  }

  private void prepareTransactionControl() throws SQLException {
    if (begin == null) {
      begin = connection.prepareStatement("BEGIN IMMEDIATE");
      commit = connection.prepareStatement("COMMIT");
      savepoint = connection.prepareStatement("SAVEPOINT job");
      release = connection.prepareStatement("RELEASE job");
    }
  }

  /** After a failed batch: every prepared statement may be unusable. */
  private void discardStatements() {
    discardDataStatements();
    closeQuietly(begin, commit, savepoint, release);
    begin = null;
    commit = null;
    savepoint = null;
    release = null;
  }

  /** After a failed job: its statements may be unusable; the batch's transaction goes on. */
  private void discardDataStatements() {
    closeQuietly(deleteAor, insert);
    deleteAor = null;
    insert = null;
  }

  private void closeQuietly(PreparedStatement... statements) {
    for (PreparedStatement statement : statements) {
      if (statement != null) {
        try {
          statement.close();
        } catch (SQLException e) {
          LOG.debug("Closing a failed location statement on {} failed", database, e);
        }
      }
    }
  }

  private void rollbackQuietly(Statement statement) {
    try {
      statement.executeUpdate("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may have rolled back already; the original failure is what gets reported.
      LOG.debug("Rolling back a failed location batch on {} failed", database, e);
    }
  }

  /** Refuses further jobs, fails any that are left, and closes the connection. */
  private void stop(List<Job<?>> unfinished) {
    lifecycle.writeLock().lock();
    try {
      closed = true;
    } finally {
      lifecycle.writeLock().unlock();
    }
    queue.drainTo(unfinished);
    unfinished.removeIf(job -> job == SHUTDOWN);
    for (Job<?> job : unfinished) {
      // A no-op for jobs already completed.
      job.future()
          .completeExceptionally(
              new StoreException(
                  "could not " + job.what() + ": the location writer of " + database + " stopped"));
    }
    SqliteConnections.closeQuietly(connection);
    LOG.debug("Closed the location store of {}", database);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        // close() promises queued writes are done when it returns; finish waiting first.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
