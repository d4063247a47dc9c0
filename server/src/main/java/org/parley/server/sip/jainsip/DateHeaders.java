package org.parley.server.sip.jainsip;

import java.time.Clock;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import javax.sip.header.DateHeader;
import javax.sip.header.HeaderFactory;

/**
 * The Date header of the registrar's 200 OK (RFC 3261 §10.3 step 8), made at most once a second:
 * building it from a new Calendar for every registration showed in profiles. The header is shared
 * by the responses of that second; nothing changes a header once it is in a response.
 */
final class DateHeaders {

  private static final TimeZone GMT = TimeZone.getTimeZone("GMT");

  private record Made(long epochSecond, DateHeader header) {}

  private final HeaderFactory headers;
  private final Clock clock;
  private volatile Made last;

  DateHeaders(HeaderFactory headers, Clock clock) {
    this.headers = headers;
    this.clock = clock;
  }

  /** A Date header for the current second. */
  DateHeader now() {
    long second = clock.instant().getEpochSecond();
    Made made = last;
    if (made == null || made.epochSecond() != second) {
      Calendar calendar = Calendar.getInstance(GMT, Locale.ROOT);
      calendar.setTimeInMillis(second * 1000);
      made = new Made(second, headers.createDateHeader(calendar));
      last = made;
    }
    return made.header();
  }
}
