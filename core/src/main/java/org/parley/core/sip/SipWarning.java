package org.parley.core.sip;

import java.util.Objects;

/**
 * A {@code Warning} header's code and text (RFC 3261 §20.43): why a 488 refused an offer.
 *
 * @param code the three-digit warn-code (3xx for session description problems)
 * @param text the warn-text, a short human-readable reason
 */
public record SipWarning(int code, String text) {

  /** The offer's transport protocol (RTP/AVP, RTP/SAVP) is not one we accept. */
  public static final int INCOMPATIBLE_TRANSPORT_PROTOCOL = 302;

  /** The offer has no media type we take (no audio stream). */
  public static final int MEDIA_TYPE_NOT_AVAILABLE = 304;

  /** No offered payload format (codec) is one we have. */
  public static final int INCOMPATIBLE_MEDIA_FORMAT = 305;

  /** A media attribute we need to understand (a crypto suite) is not one we support. */
  public static final int ATTRIBUTE_NOT_UNDERSTOOD = 306;

  /** Anything else, explained by the text: malformed SDP. */
  public static final int MISCELLANEOUS = 399;

  public SipWarning {
    if (code < 300 || code > 399) {
      throw new IllegalArgumentException("A session warn-code is 300-399, not " + code);
    }
    Objects.requireNonNull(text, "text");
  }
}
