package org.parley.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=} line: a property attribute such as {@code a=rtcp-mux} (no value) or a value
 * attribute such as {@code a=rtpmap:0 PCMU/8000}.
 *
 * @param name the attribute name, an RFC 8866 token; names are case-sensitive
 * @param value the text after the first colon, possibly empty, or null for a property attribute
 */
public record Attribute(String name, String value) {

  public Attribute {
    SdpText.requireToken(name, "attribute name");
    if (value != null) {
      SdpText.requireText(value, "attribute value");
    }
  }

  /** A property attribute, written {@code a=name}. */
  public static Attribute of(String name) {
    return new Attribute(name, null);
  }

  /** A value attribute, written {@code a=name:value}. */
  public static Attribute of(String name, String value) {
    return new Attribute(name, Objects.requireNonNull(value, "value"));
  }

  /** The value, empty for a property attribute. */
  public Optional<String> optionalValue() {
    return Optional.ofNullable(value);
  }

  /** The text after {@code a=}. */
  String lineValue() {
    return value == null ? name : name + ":" + value;
  }
}
