package org.parley.server.sip.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The 400 Bad Request for a request that could not be parsed (RFC 3261 §8.2.2, §21.4.1), built from
 * its text: the response needs only the request's Via, From, To, Call-ID and CSeq lines, copied as
 * they were (compact names included). A request missing any of them cannot be answered.
 */
public final class BadRequestResponse {

  private static final Set<String> VIA = Set.of("via", "v");
  private static final List<Set<String>> SINGLE =
      List.of(Set.of("from", "f"), Set.of("to", "t"), Set.of("call-id", "i"), Set.of("cseq"));

  private BadRequestResponse() {}

  /**
   * The response text, or empty when the request lacks a header the response must carry.
   *
   * @param request the request's start line and headers
   * @param reason our explanation, added to the reason phrase (never text from the request)
   */
  public static Optional<String> of(String request, String reason) {
    List<String> lines = request.replaceAll("\r?\n[ \t]+", " ").lines().skip(1).toList();
    StringBuilder response = new StringBuilder("SIP/2.0 400 Bad Request (" + reason + ")\r\n");
    List<String> vias = withName(lines, VIA);
    if (vias.isEmpty()) {
      return Optional.empty();
    }
    vias.forEach(via -> response.append(via).append("\r\n"));
    for (Set<String> names : SINGLE) {
      List<String> found = withName(lines, names);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      String line = found.get(0);
      if (names.contains("to") && !line.toLowerCase(Locale.ROOT).contains(";tag=")) {
        line += ";tag=badrequest";
      }
      response.append(line).append("\r\n");
    }
    return Optional.of(response.append("Content-Length: 0\r\n\r\n").toString());
  }

  private static List<String> withName(List<String> lines, Set<String> names) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && names.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
        found.add(line);
      }
    }
    return found;
  }
}
