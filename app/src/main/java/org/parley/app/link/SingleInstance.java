package org.parley.app.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop app per profile: the running app listens on a Unix domain socket in the profile
 * folder, and a second launch hands it its arguments (links to call) there and exits. A socket file
 * left behind by a crash answers no connection, so it is detected and replaced.
 *
 * <p>Wire format: UTF-8 lines, the first {@value #GREETING}, then one argument per line; the sender
 * closes after the last. The folder (and the socket, set to 0600) belong to the user, so only the
 * user's own processes can hand links over.
 */
public final class SingleInstance implements AutoCloseable {

  static final String GREETING = "parley-arguments 1";
  static final int MAX_MESSAGE_BYTES = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);

  private final Path socketFile;
  private final ServerSocketChannel server;
  private final Consumer<List<String>> receiver;

  private SingleInstance(
      Path socketFile, ServerSocketChannel server, Consumer<List<String>> receiver) {
    this.socketFile = socketFile;
    this.server = server;
    this.receiver = receiver;
  }

  /**
   * Hands {@code arguments} to the app listening on {@code socketFile}.
   *
   * @return false when no app listens there (no socket file, or a stale one)
   */
  public static boolean handOff(Path socketFile, List<String> arguments) {
    if (!Files.exists(socketFile)) {
      return false;
    }
    StringBuilder message = new StringBuilder(GREETING).append('\n');
    for (String argument : arguments) {
      message.append(argument.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socketFile));
      ByteBuffer bytes = ByteBuffer.wrap(message.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      return true;
    } catch (IOException e) {
      LOG.info("No running Parley answers on {} ({})", socketFile, e.getMessage());
      return false;
    }
  }

  /**
   * Listens on {@code socketFile}, replacing a stale one; each second launch's arguments go to
   * {@code receiver} on a thread of this class.
   *
   * @throws AlreadyRunningException when another app answers there
   * @throws IOException when the socket cannot be made
   */
  public static SingleInstance listen(Path socketFile, Consumer<List<String>> receiver)
      throws IOException {
    if (Files.exists(socketFile)) {
      if (answers(socketFile)) {
        throw new AlreadyRunningException(socketFile);
      }
      LOG.info("Replacing the stale socket {} left by an earlier run", socketFile);
      Files.delete(socketFile);
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socketFile));
      if (socketFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      server.close();
      throw e;
    }
    SingleInstance instance = new SingleInstance(socketFile, server, receiver);
    Thread thread = new Thread(instance::acceptLoop, "parley-single-instance");
    thread.setDaemon(true);
    thread.start();
    return instance;
  }

  private static boolean answers(Path socketFile) {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socketFile));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // A thread root: nothing a client sends may end it.
  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        Thread reader = new Thread(() -> receive(client), "parley-single-instance-client");
        reader.setDaemon(true);
        reader.start();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        LOG.warn("Accepting a second launch failed", e);
      }
    }
  }

  private void receive(SocketChannel client) {
    try (client) {
      List<String> lines = lines(readAll(client));
      if (lines.isEmpty()) {
        return; // a probe: another launch checking whether we are alive
      }
      if (!GREETING.equals(lines.get(0))) {
        LOG.warn("Dropped a message on {} that is not from a Parley launch", socketFile);
        return;
      }
      receiver.accept(List.copyOf(lines.subList(1, lines.size())));
    } catch (IOException | RuntimeException e) {
      LOG.warn("A second launch's arguments could not be taken", e);
    }
  }

  private static byte[] readAll(SocketChannel client) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    while (client.read(buffer) >= 0) {
      buffer.flip();
      message.write(buffer.array(), 0, buffer.limit());
      buffer.clear();
      if (message.size() > MAX_MESSAGE_BYTES) {
        throw new IOException("More than " + MAX_MESSAGE_BYTES + " bytes from a second launch");
      }
    }
    return message.toByteArray();
  }

  private static List<String> lines(byte[] message) {
    List<String> lines = new ArrayList<>();
    new String(message, StandardCharsets.UTF_8).lines().forEach(lines::add);
    return lines;
  }

  /** Stops listening and removes the socket file. */
  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(socketFile);
    } catch (IOException e) {
      LOG.warn("The socket {} could not be removed", socketFile, e);
    }
  }

  /** Another app of the same profile is running and listening. */
  public static final class AlreadyRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException(Path socketFile) {
      super("Parley is already running (" + socketFile + ")");
    }
  }
}
