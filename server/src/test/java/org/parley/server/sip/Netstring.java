package org.parley.server.sip;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Netstring framing ({@code <decimal length>:<bytes>,}), as baresip's {@code ctrl_tcp} module uses
 * for its JSON commands, responses and events.
 */
final class Netstring {

  /** Longest payload accepted, in bytes: far above any ctrl_tcp message. */
  static final int MAX_PAYLOAD_BYTES = 1 << 20;

  private Netstring() {}

  /** Frames one payload. */
  static byte[] frame(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 12);
    out.writeBytes((payload.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    out.write(',');
    return out.toByteArray();
  }

  /**
   * Reads the next netstring's payload.
   *
   * @throws EOFException when the stream ends before the first length digit
   * @throws IOException when the framing is broken: a non-digit length, a payload above {@link
   *     #MAX_PAYLOAD_BYTES}, a stream that ends inside the frame, or a missing comma
   */
  static byte[] read(InputStream in) throws IOException {
    int next = in.read();
    if (next < 0) {
      throw new EOFException("end of stream");
    }
    long length = 0;
    int digits = 0;
    while (next != ':') {
      if (next < '0' || next > '9') {
        throw new IOException(
            next < 0 ? "stream ended inside a netstring length" : "bad length byte " + next);
      }
      length = length * 10 + (next - '0');
      if (++digits > 7 || length > MAX_PAYLOAD_BYTES) {
        throw new IOException("netstring longer than " + MAX_PAYLOAD_BYTES + " bytes");
      }
      next = in.read();
    }
    if (digits == 0) {
      throw new IOException("netstring without a length");
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length) {
      throw new IOException(
          "stream ended after " + payload.length + " of " + length + " payload bytes");
    }
    int comma = in.read();
    if (comma != ',') {
      throw new IOException("netstring not closed by a comma (got " + comma + ")");
    }
    return payload;
  }
}
