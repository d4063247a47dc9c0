package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetstringTest {

  private static final String DIAL = "{\"command\":\"dial\",\"params\":\"sip:bob@127.0.0.1\"}";

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hands out at most {@code chunk} bytes per read, as a TCP socket may. */
  private static InputStream chunked(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, chunk));
      }
    };
  }

  @Test
  void frameWritesLengthColonPayloadComma() {
    assertThat(
            new String(
                Netstring.frame(DIAL.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
        .isEqualTo(DIAL.length() + ":" + DIAL + ",");
  }

  @Test
  void readReturnsConsecutivePayloadsSplitAtEveryChunkSize() throws IOException {
    byte[] two = (DIAL.length() + ":" + DIAL + ",0:,").getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= two.length; chunk++) {
      InputStream in = chunked(two, chunk);
      assertThat(new String(Netstring.read(in), StandardCharsets.UTF_8)).isEqualTo(DIAL);
      assertThat(Netstring.read(in)).isEmpty();
      assertThatThrownBy(() -> Netstring.read(in)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void readRejectsANonDigitLength() {
    assertThatThrownBy(() -> Netstring.read(stream("1x:a,")))
        .isInstanceOf(IOException.class)
        .hasMessage("bad length byte 120");
  }

  @Test
  void readRejectsAMissingLength() {
    assertThatThrownBy(() -> Netstring.read(stream(":a,")))
        .isInstanceOf(IOException.class)
        .hasMessage("netstring without a length");
  }

  @Test
  void readRejectsAnOversizedLength() {
    assertThatThrownBy(() -> Netstring.read(stream("99999999:")))
        .isInstanceOf(IOException.class)
        .hasMessage("netstring longer than 1048576 bytes");
  }

  @Test
  void readRejectsATruncatedPayload() {
    assertThatThrownBy(() -> Netstring.read(stream("5:abc")))
        .isInstanceOf(IOException.class)
        .hasMessage("stream ended after 3 of 5 payload bytes");
  }

  @Test
  void readRejectsAMissingComma() {
    assertThatThrownBy(() -> Netstring.read(stream("3:abc;")))
        .isInstanceOf(IOException.class)
        .hasMessage("netstring not closed by a comma (got 59)");
  }

  @Test
  void readRejectsAStreamEndingInsideTheLength() {
    assertThatThrownBy(() -> Netstring.read(stream("12")))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(EOFException.class)
        .hasMessage("stream ended inside a netstring length");
  }
}
