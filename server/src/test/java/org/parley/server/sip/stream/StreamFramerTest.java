package org.parley.server.sip.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {

  private static final String OPTIONS_HEAD =
      "OPTIONS sip:example.com SIP/2.0\r\n"
          + "Via: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1\r\n"
          + "Call-ID: a\r\n";

  /** Records what the framer reports, as text. */
  private static final class Recorder implements StreamFramer.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void message(byte[] head, byte[] body) {
      events.add(
          "message["
              + new String(head, StandardCharsets.ISO_8859_1)
              + "|"
              + new String(body, StandardCharsets.ISO_8859_1)
              + "]");
    }

    @Override
    public void ping() {
      events.add("ping");
    }

    @Override
    public void pong() {
      events.add("pong");
    }

    @Override
    public void broken(byte[] head, String reason) {
      events.add("broken:" + reason);
    }
  }

  private static List<String> frame(String stream) {
    Recorder recorder = new Recorder();
    StreamFramer framer = new StreamFramer(recorder, 16384);
    byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
    framer.feed(bytes, 0, bytes.length);
    return recorder.events;
  }

  @Test
  void messageWithBodyIsFramedByContentLength() {
    String head = OPTIONS_HEAD + "Content-Length: 5\r\n\r\n";
    assertThat(frame(head + "hello" + head + "world"))
        .containsExactly("message[" + head + "|hello]", "message[" + head + "|world]");
  }

  @Test
  void compactContentLengthFramesTheBody() {
    String head = OPTIONS_HEAD + "l: 3\r\n\r\n";
    assertThat(frame(head + "abc")).containsExactly("message[" + head + "|abc]");
  }

  @Test
  void whitespaceBeforeTheColonAndAnyCaseAreAccepted() {
    String head = OPTIONS_HEAD + "content-LENGTH   :   4\r\n\r\n";
    assertThat(frame(head + "abcd")).containsExactly("message[" + head + "|abcd]");
  }

  @Test
  void foldedContentLengthValueIsRead() {
    String head = OPTIONS_HEAD + "Content-Length:\r\n  2\r\n\r\n";
    assertThat(frame(head + "ok")).containsExactly("message[" + head + "|ok]");
  }

  @Test
  void missingContentLengthMeansAnEmptyBody() {
    String head = OPTIONS_HEAD + "\r\n";
    assertThat(frame(head)).containsExactly("message[" + head + "|]");
  }

  @Test
  void everySplitOfTheStreamGivesTheSameMessages() {
    String head = OPTIONS_HEAD + "l: 4\r\n\r\n";
    String stream = "\r\n\r\n" + head + "body" + "\r\n" + head + "more";
    List<String> whole = frame(stream);
    assertThat(whole)
        .containsExactly(
            "ping", "message[" + head + "|body]", "pong", "message[" + head + "|more]");
    byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
    for (int split = 1; split < bytes.length; split++) {
      Recorder recorder = new Recorder();
      StreamFramer framer = new StreamFramer(recorder, 16384);
      framer.feed(bytes, 0, split);
      framer.feed(bytes, split, bytes.length - split);
      assertThat(recorder.events).as("split at %d", split).isEqualTo(whole);
    }
  }

  @Test
  void byteByByteFeedingGivesTheSameMessages() {
    String head = OPTIONS_HEAD + "Content-Length: 3\r\n\r\n";
    byte[] bytes = (head + "xyz").getBytes(StandardCharsets.ISO_8859_1);
    Recorder recorder = new Recorder();
    StreamFramer framer = new StreamFramer(recorder, 16384);
    for (int i = 0; i < bytes.length; i++) {
      framer.feed(bytes, i, 1);
    }
    assertThat(recorder.events).containsExactly("message[" + head + "|xyz]");
  }

  @Test
  void bareLineFeedsEndTheHeaderSection() {
    String head = "OPTIONS sip:example.com SIP/2.0\nCall-ID: b\nl: 2\n\n";
    assertThat(frame(head + "hi")).containsExactly("message[" + head + "|hi]");
  }

  @Test
  void incompleteBodyWaits() {
    Recorder recorder = new Recorder();
    StreamFramer framer = new StreamFramer(recorder, 16384);
    byte[] bytes = (OPTIONS_HEAD + "Content-Length: 9999\r\n\r\nshort").getBytes();
    framer.feed(bytes, 0, bytes.length);
    assertThat(recorder.events).isEmpty();
    assertThat(framer.pendingBytes()).isEqualTo(bytes.length);
  }

  @Test
  void negativeContentLengthBreaksFramingOnce() {
    String stream = OPTIONS_HEAD + "Content-Length: -999\r\n\r\n" + OPTIONS_HEAD + "\r\n";
    assertThat(frame(stream)).containsExactly("broken:Content-Length is not a number of bytes");
  }

  @Test
  void conflictingContentLengthsBreakFraming() {
    String stream = OPTIONS_HEAD + "Content-Length: 3\r\nl: 5\r\n\r\nabcde";
    assertThat(frame(stream)).containsExactly("broken:Conflicting Content-Length values");
  }

  @Test
  void repeatedEqualContentLengthsAreAccepted() {
    String head = OPTIONS_HEAD + "Content-Length: 2\r\nl: 2\r\n\r\n";
    assertThat(frame(head + "ab")).containsExactly("message[" + head + "|ab]");
  }

  @Test
  void oversizedMessageBreaksFramingInsteadOfBuffering() {
    Recorder recorder = new Recorder();
    StreamFramer framer = new StreamFramer(recorder, 256);
    byte[] head = (OPTIONS_HEAD + "Content-Length: 1000\r\n\r\n").getBytes();
    framer.feed(head, 0, head.length);
    assertThat(recorder.events).containsExactly("broken:Message larger than 256 bytes");

    Recorder endless = new Recorder();
    StreamFramer headers = new StreamFramer(endless, 256);
    byte[] line = "X-Filler: 0123456789012345678901234567890123456789\r\n".getBytes();
    for (int i = 0; i < 10; i++) {
      headers.feed(line, 0, line.length);
    }
    assertThat(endless.events).containsExactly("broken:Header section larger than 256 bytes");
    assertThat(headers.isBroken()).isTrue();
  }

  @Test
  void strayLineEndsBeforeAStartLineAreIgnored() {
    String head = OPTIONS_HEAD + "\r\n";
    assertThat(frame("\n" + head)).containsExactly("message[" + head + "|]");
    assertThat(frame("\r\n\n" + head)).containsExactly("message[" + head + "|]");
  }
}
