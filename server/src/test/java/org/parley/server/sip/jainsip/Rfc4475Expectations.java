package org.parley.server.sip.jainsip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What RFC 4475 expects for each torture message and what our server is required to do with it,
 * read from {@code rfc4475-expectations.csv}. An outcome is a status code or {@code none} (no
 * response at all). The RFC column lists the outcomes the RFC allows, separated by {@code |}; a
 * {@code udp:} or {@code tcp:} prefix limits one to that transport, and {@code processed} means the
 * message is parsed and goes through normal processing, so any final response other than a syntax
 * rejection (400) or a server failure (5xx) fits.
 */
final class Rfc4475Expectations {

  static final String NONE = "none";
  static final String PROCESSED = "processed";

  /** What becomes of a TCP connection after the message. */
  enum Connection {
    /** The server answers the next request on the same connection. */
    KEEP,
    /** The server closes the connection. */
    CLOSED,
    /** The stream's framing is lost: the connection stays open but cannot carry a request. */
    LOST
  }

  /**
   * One row of the table.
   *
   * @param rfc the outcomes RFC 4475 allows for an element in our role
   * @param udp the outcome we require over UDP
   * @param tcp the outcome we require over TCP
   * @param tcpConnection what becomes of the TCP connection the message came on
   * @param note why an outcome is what it is; a note that starts with {@code Deviation} or {@code
   *     Unroutable} explains an outcome the RFC does not list
   */
  record Expectation(
      String file,
      String section,
      Set<String> rfc,
      String udp,
      String tcp,
      Connection tcpConnection,
      String note) {

    String required(TorturePeer.Transport transport) {
      return transport == TorturePeer.Transport.UDP ? udp : tcp;
    }

    boolean rfcAllows(String outcome, TorturePeer.Transport transport) {
      String prefix = transport.name().toLowerCase(Locale.ROOT) + ":";
      for (String allowed : rfc) {
        String token = allowed.startsWith(prefix) ? allowed.substring(prefix.length()) : allowed;
        if (token.contains(":")) {
          continue; // for the other transport
        }
        if (token.equals(outcome) || (PROCESSED.equals(token) && isProcessed(outcome))) {
          return true;
        }
      }
      return false;
    }

    /** Whether the note says why an outcome is one the RFC does not list. */
    boolean explainsDeviation() {
      return note.startsWith("Deviation") || note.startsWith("Unroutable");
    }

    private static boolean isProcessed(String outcome) {
      if (NONE.equals(outcome)) {
        return false;
      }
      int status = Integer.parseInt(outcome);
      return status >= 200 && status != 400 && status < 500;
    }
  }

  private static final String RESOURCE = "/org/parley/server/sip/rfc4475-expectations.csv";

  private Rfc4475Expectations() {}

  static Map<String, Expectation> load() {
    Map<String, Expectation> table = new LinkedHashMap<>();
    try (InputStream in = Rfc4475Expectations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        Expectation row = parse(line);
        if (table.put(row.file(), row) != null) {
          throw new IllegalStateException("Two rows for " + row.file());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }

  private static Expectation parse(String line) {
    String[] cells = line.split(",", 7);
    if (cells.length != 7) {
      throw new IllegalStateException("Expected 7 cells: " + line);
    }
    Set<String> rfc =
        Arrays.stream(cells[2].split("\\|")).map(String::strip).collect(Collectors.toSet());
    return new Expectation(
        cells[0].strip(),
        cells[1].strip(),
        rfc,
        outcome(cells[3]),
        outcome(cells[4]),
        Connection.valueOf(cells[5].strip().toUpperCase(Locale.ROOT)),
        cells[6].strip());
  }

  private static String outcome(String cell) {
    String value = cell.strip();
    if (!NONE.equals(value)) {
      Integer.parseInt(value); // a status code or "none", nothing else
    }
    return value;
  }
}
