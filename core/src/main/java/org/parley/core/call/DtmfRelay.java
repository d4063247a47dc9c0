package org.parley.core.call;

import java.util.Optional;
import org.parley.core.sip.SipDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTMF in SIP INFO bodies ({@code application/dtmf-relay}: {@code Signal=} and {@code Duration=}).
 */
final class DtmfRelay {

  private static final Logger LOG = LoggerFactory.getLogger(DtmfRelay.class);
  static final String CONTENT_TYPE = "application/dtmf-relay";
  static final int DIGIT_MILLIS = 160;

  private DtmfRelay() {}

  /** Sends each digit in an INFO of its own on {@code dialog}. */
  static void sendInfo(SipDialog dialog, String digits) {
    for (char digit : digits.toCharArray()) {
      dialog.info(CONTENT_TYPE, body(digit));
    }
  }

  /** Sends each digit as RFC 4733 telephone-events in {@code audio}, once it runs. */
  static void sendRtp(CallAudio audio, String digits, Call call) {
    for (char digit : digits.toCharArray()) {
      if (audio == null || !audio.sendDigit(digit, DIGIT_MILLIS)) {
        LOG.info("Digit {} not sent: telephone-event was not negotiated in {}", digit, call);
      }
    }
  }

  /** The body of an INFO that sends {@code digit}. */
  static String body(char digit) {
    return "Signal=" + digit + "\r\nDuration=" + DIGIT_MILLIS + "\r\n";
  }

  /** The digit an INFO carries, if it is a dtmf-relay body with a one-character signal. */
  static Optional<Character> signal(String contentType, String body) {
    if (!CONTENT_TYPE.equalsIgnoreCase(contentType)) {
      return Optional.empty();
    }
    for (String line : body.split("\r?\n")) {
      int equals = line.indexOf('=');
      if (equals > 0 && "signal".equalsIgnoreCase(line.substring(0, equals).trim())) {
        String value = line.substring(equals + 1).trim();
        if (value.length() == 1) {
          return Optional.of(value.charAt(0));
        }
      }
    }
    return Optional.empty();
  }
}
