package org.parley.os.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.os.SessionBus;

class DbusDesktopNotifierTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path folder;
  private PrivateSessionBus bus;

  @BeforeEach
  void startBus() throws Exception {
    bus = PrivateSessionBus.start(folder.resolve("bus"));
  }

  @AfterEach
  void stopBus() {
    bus.close();
  }

  @Test
  void notifyCarriesAppNameSenderAndTheTextEscapedForAMarkupServer() throws Exception {
    try (RecordingNotificationServer server =
            RecordingNotificationServer.on(
                bus.address(), List.of("body", "body-markup", "actions"));
        DesktopNotifier notifier = connected()) {

      notifier.show(
          new DesktopNotification(
              DesktopNotification.Kind.CHAT_MESSAGE,
              "Bob Builder",
              "<b>x</b> & <a href=\"https://evil.example/\">click</a>",
              "sip:bob@example.com"));

      RecordingNotificationServer.Notified notified = server.next();
      assertThat(notified.appName()).isEqualTo("Parley");
      assertThat(notified.summary()).isEqualTo("Bob Builder");
      assertThat(notified.body())
          .isEqualTo(
              "&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href=\"https://evil.example/\"&gt;click&lt;/a&gt;");
      assertThat(notified.actions()).containsExactly("default", "Open");
      assertThat(notified.hints().get("category").getValue()).isEqualTo("im.received");
    }
  }

  @Test
  void aServerWithoutBodyMarkupGetsThePlainText() throws Exception {
    try (RecordingNotificationServer server =
            RecordingNotificationServer.on(bus.address(), List.of("body"));
        DesktopNotifier notifier = connected()) {

      notifier.show(chat("Bob", "1 < 2 & 3 > 2", "sip:bob@example.com"));

      assertThat(server.next().body()).isEqualTo("1 < 2 & 3 > 2");
    }
  }

  @Test
  void bidiOverridesAreRemovedAndLongTextIsCut() throws Exception {
    try (RecordingNotificationServer server =
            RecordingNotificationServer.on(bus.address(), List.of("body", "body-markup"));
        DesktopNotifier notifier = connected()) {

      notifier.show(
          new DesktopNotification(
              DesktopNotification.Kind.CHAT_MESSAGE,
              "Mallory\u202E",
              "\u202Etxt.exe " + "a".repeat(300),
              "sip:m@example.com"));

      RecordingNotificationServer.Notified notified = server.next();
      assertThat(notified.summary()).isEqualTo("Mallory");
      assertThat(notified.body()).startsWith("txt.exe aaa").endsWith("a\u2026");
      assertThat(notified.body().codePointCount(0, notified.body().length()))
          .isEqualTo(NotificationText.MAX_BODY_CHARS + 1);
    }
  }

  @Test
  void clickingTheNotificationHandsBackItsTag() throws Exception {
    try (RecordingNotificationServer server =
            RecordingNotificationServer.on(bus.address(), List.of("body", "actions"));
        DesktopNotifier notifier = connected()) {
      BlockingQueue<DesktopNotification> opened = new LinkedBlockingQueue<>();
      notifier.onActivated(opened::add);
      notifier.show(chat("Bob", "hi", "sip:bob@example.com"));
      notifier.show(chat("Carol", "hello", "sip:carol@example.com"));
      // Calls go out one at a time: once the third arrives, the second's answer (its id) is in.
      notifier.show(chat("Dave", "hey", "sip:dave@example.com"));
      server.next();
      long carols = server.next().id();
      server.next();

      server.click(carols, "default");

      assertThat(opened.poll(10, TimeUnit.SECONDS))
          .isEqualTo(chat("Carol", "hello", "sip:carol@example.com"));
    }
  }

  @Test
  void aBusWithoutANotificationServiceGivesTheSilentNotifier() {
    long start = System.nanoTime();

    DesktopNotifier chosen =
        DesktopNotifiers.onSessionBus(Map.of(SessionBus.ADDRESS_VARIABLE, bus.address()), TIMEOUT);

    assertThat(chosen).isInstanceOf(SilentDesktopNotifier.class);
    assertThat(chosen.description()).contains("no notification service");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    chosen.show(chat("Bob", "hi", "sip:bob@example.com"));
    chosen.close();
  }

  @Test
  void noBusAtAllGivesTheSilentNotifierWithoutAnError() {
    DesktopNotifier unset = DesktopNotifiers.onSessionBus(Map.of(), TIMEOUT);
    DesktopNotifier gone =
        DesktopNotifiers.onSessionBus(
            Map.of(SessionBus.ADDRESS_VARIABLE, "unix:path=" + folder.resolve("no-such-bus")),
            TIMEOUT);

    assertThat(unset).isInstanceOf(SilentDesktopNotifier.class);
    assertThat(unset.description()).contains("DBUS_SESSION_BUS_ADDRESS");
    assertThat(gone).isInstanceOf(SilentDesktopNotifier.class);
    gone.show(chat("Bob", "hi", "sip:bob@example.com"));
  }

  @Test
  void aBusThatNeverAnswersCostsTheStartAtMostTheTimeout() throws Exception {
    Path socket = folder.resolve("silent-bus");
    try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      silent.bind(UnixDomainSocketAddress.of(socket)); // accepts connections, never says a word
      long start = System.nanoTime();

      DesktopNotifier chosen =
          DesktopNotifiers.onSessionBus(
              Map.of(SessionBus.ADDRESS_VARIABLE, "unix:path=" + socket), Duration.ofSeconds(1));

      assertThat(chosen).isInstanceOf(SilentDesktopNotifier.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aMissedCallCarriesItsOwnCategory() throws Exception {
    try (RecordingNotificationServer server =
            RecordingNotificationServer.on(bus.address(), List.of("body"));
        DesktopNotifier notifier = connected()) {

      notifier.show(
          new DesktopNotification(
              DesktopNotification.Kind.MISSED_CALL, "Missed call", "Bob", "sip:bob@example.com"));

      RecordingNotificationServer.Notified notified = server.next();
      assertThat(notified.summary()).isEqualTo("Missed call");
      assertThat(notified.hints().get("category").getValue()).isEqualTo("call.unanswered");
    }
  }

  private static DesktopNotification chat(String summary, String text, String tag) {
    return new DesktopNotification(DesktopNotification.Kind.CHAT_MESSAGE, summary, text, tag);
  }

  private DesktopNotifier connected() {
    return DbusDesktopNotifier.connect(bus.address(), TIMEOUT).orElseThrow();
  }
}
