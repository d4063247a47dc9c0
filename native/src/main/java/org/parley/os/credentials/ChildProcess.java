package org.parley.os.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one short-lived helper program (such as {@code secret-tool}) with a given environment, feeds
 * it standard input and collects its output, killing it when it outlives its time limit.
 */
final class ChildProcess {

  /** What a finished child left behind; {@code stdout} may hold a secret, so callers wipe it. */
  record Result(int exitCode, byte[] stdout, String stderr) {}

  // Pipe copying blocks, so it gets threads of its own rather than the common fork-join pool.
  private static final ExecutorService PIPES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "credential-helper-pipe");
            thread.setDaemon(true);
            return thread;
          });

  private ChildProcess() {}

  /**
   * Runs {@code command} to completion.
   *
   * @throws IOException when the program cannot be started (for example, it is not installed)
   * @throws TimeoutException when it ran longer than {@code timeout}; it has been killed
   */
  static Result run(
      List<String> command, Map<String, String> environment, byte[] stdin, Duration timeout)
      throws IOException, TimeoutException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    // Each pipe gets its own thread: a child that blocks (a keyring prompt) must not block us.
    CompletableFuture<Void> input = CompletableFuture.runAsync(() -> feed(process, stdin), PIPES);
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), PIPES);
    CompletableFuture<byte[]> errors =
        CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), PIPES);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new TimeoutException(command.get(0) + " did not finish within " + timeout);
      }
      byte[] stderr = errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      byte[] stdout = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      input.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Result(process.exitValue(), stdout, new String(stderr, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IOException(command.get(0) + " was interrupted", e);
    } catch (ExecutionException e) {
      kill(process);
      throw new IOException(command.get(0) + " could not be talked to", e.getCause());
    } catch (TimeoutException e) {
      kill(process);
      throw e;
    } finally {
      Arrays.fill(stdin, (byte) 0);
    }
  }

  private static void feed(Process process, byte[] stdin) {
    try (OutputStream out = process.getOutputStream()) {
      out.write(stdin);
    } catch (IOException e) {
      // The child closed its input early; its exit code and error text say why.
    }
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
