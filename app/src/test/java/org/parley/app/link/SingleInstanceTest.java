package org.parley.app.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two launches of one profile in one JVM, over a real Unix domain socket. */
class SingleInstanceTest {

  @TempDir Path profile;

  private final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();

  private Path socket() {
    return profile.resolve("parley.sock");
  }

  @Test
  void aSecondLaunchHandsItsArgumentsToTheRunningOne() throws Exception {
    try (SingleInstance first = SingleInstance.listen(socket(), received::add)) {
      boolean handed = SingleInstance.handOff(socket(), List.of("sip:bob@example.com", "tel:+49"));

      assertThat(handed).isTrue();
      assertThat(received.poll(10, TimeUnit.SECONDS))
          .containsExactly("sip:bob@example.com", "tel:+49");
      // A plain second launch (no link) reaches it too, as an empty list: raise the window.
      assertThat(SingleInstance.handOff(socket(), List.of())).isTrue();
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEmpty();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())))
          .isEqualTo("rw-------");
    }
    assertThat(socket()).doesNotExist();
  }

  @Test
  void withNoRunningAppTheLaunchGoesAheadItself() {
    assertThat(SingleInstance.handOff(socket(), List.of("sip:bob@example.com"))).isFalse();
  }

  @Test
  void aSocketLeftByACrashIsDetectedAndReplaced() throws Exception {
    // A crashed app leaves its socket file behind, with nothing listening on it.
    ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    crashed.bind(UnixDomainSocketAddress.of(socket()));
    crashed.close();
    assertThat(socket()).exists();

    assertThat(SingleInstance.handOff(socket(), List.of("tel:110"))).isFalse();
    try (SingleInstance restarted = SingleInstance.listen(socket(), received::add)) {
      assertThat(SingleInstance.handOff(socket(), List.of("tel:112"))).isTrue();
      assertThat(received.poll(10, TimeUnit.SECONDS)).containsExactly("tel:112");
    }
  }

  @Test
  void aSecondListenerOnALiveSocketIsRefused() throws Exception {
    try (SingleInstance first = SingleInstance.listen(socket(), received::add)) {
      assertThatThrownBy(() -> SingleInstance.listen(socket(), received::add))
          .isInstanceOf(SingleInstance.AlreadyRunningException.class);
      assertThat(SingleInstance.handOff(socket(), List.of("sip:a@b"))).isTrue();
      // The refused listener's probe reached the running one as a message without a greeting.
      assertThat(received.poll(10, TimeUnit.SECONDS)).containsExactly("sip:a@b");
    }
  }

  @Test
  void aMessageWithoutTheGreetingIsDroppedAndTheNextOneStillArrives() throws Exception {
    try (SingleInstance first = SingleInstance.listen(socket(), received::add)) {
      send("GET / HTTP/1.0\nsip:evil@example.com\n");
      send("x".repeat(SingleInstance.MAX_MESSAGE_BYTES + 10));
      assertThat(SingleInstance.handOff(socket(), List.of("sip:bob@example.com"))).isTrue();

      assertThat(received.poll(10, TimeUnit.SECONDS)).containsExactly("sip:bob@example.com");
      assertThat(received).isEmpty();
    }
  }

  private void send(String text) throws Exception {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket()));
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }
}
