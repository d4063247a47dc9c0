package org.parley.media.sdp;

import java.util.Optional;

/** The direction attributes of RFC 8866 §6.7: whether a party sends, receives, both or neither. */
public enum MediaDirection {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String attributeName;

  MediaDirection(String attributeName) {
    this.attributeName = attributeName;
  }

  /** The attribute name, such as {@code sendonly}. */
  public String attributeName() {
    return attributeName;
  }

  /** This direction as a property attribute. */
  public Attribute toAttribute() {
    return Attribute.of(attributeName);
  }

  /** Finds the direction an attribute name stands for. */
  public static Optional<MediaDirection> fromAttributeName(String name) {
    for (MediaDirection direction : values()) {
      if (direction.attributeName.equals(name)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }

  /**
   * The direction seen from the other party: the answer that accepts an offer of this direction in
   * full (RFC 3264 §6.1): sendonly and recvonly swap, sendrecv and inactive stay.
   */
  public MediaDirection reversed() {
    switch (this) {
      case SENDONLY:
        return RECVONLY;
      case RECVONLY:
        return SENDONLY;
      default:
        return this;
    }
  }
}
