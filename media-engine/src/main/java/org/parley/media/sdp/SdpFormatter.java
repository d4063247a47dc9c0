package org.parley.media.sdp;

import java.util.List;

/** Writes a {@link SessionDescription} as SDP text: CRLF-terminated lines in RFC 8866 order. */
public final class SdpFormatter {

  private SdpFormatter() {}

  /** The SDP text of a description; {@link SdpParser#parse(String)} reads it back equal. */
  public static String format(SessionDescription description) {
    StringBuilder out = new StringBuilder(512);
    line(out, 'v', Integer.toString(description.version()));
    line(out, 'o', description.origin().lineValue());
    line(out, 's', description.sessionName());
    otherLines(out, description.otherLines(), "iuep");
    connection(out, description.connection());
    description.bandwidths().forEach(b -> line(out, 'b', b.lineValue()));
    for (Timing timing : description.timings()) {
      line(out, 't', timing.startNtpSeconds() + " " + timing.stopNtpSeconds());
      timing.repeatTimes().forEach(r -> line(out, 'r', r));
    }
    otherLines(out, description.otherLines(), "zk");
    description.attributes().forEach(a -> line(out, 'a', a.lineValue()));
    for (MediaDescription medium : description.media()) {
      line(out, 'm', medium.mLineValue());
      otherLines(out, medium.otherLines(), "i");
      connection(out, medium.connection());
      medium.bandwidths().forEach(b -> line(out, 'b', b.lineValue()));
      otherLines(out, medium.otherLines(), "k");
      medium.attributes().forEach(a -> line(out, 'a', a.lineValue()));
    }
    return out.toString();
  }

  /** Writes the lines of the given types, type by type, each type's lines in their order. */
  private static void otherLines(StringBuilder out, List<SdpLine> lines, String types) {
    for (char type : types.toCharArray()) {
      for (SdpLine line : lines) {
        if (line.type() == type) {
          line(out, type, line.value());
        }
      }
    }
  }

  private static void connection(StringBuilder out, Connection connection) {
    if (connection != null) {
      line(
          out,
          'c',
          connection.netType() + " " + connection.addressType() + " " + connection.address());
    }
  }

  private static void line(StringBuilder out, char type, String value) {
    out.append(type).append('=').append(value).append("\r\n");
  }
}
