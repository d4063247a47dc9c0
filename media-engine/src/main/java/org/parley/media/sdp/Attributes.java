package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Look-ups over a list of attributes, shared by session and media descriptions. */
final class Attributes {

  private Attributes() {}

  static Optional<Attribute> first(List<Attribute> attributes, String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  static List<Attribute> all(List<Attribute> attributes, String name) {
    return attributes.stream()
        .filter(a -> a.name().equals(name))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The last direction attribute, if any; the last wins if a broken peer sends several. */
  static Optional<MediaDirection> direction(List<Attribute> attributes) {
    Optional<MediaDirection> found = Optional.empty();
    for (Attribute attribute : attributes) {
      if (attribute.value() == null) {
        Optional<MediaDirection> direction = MediaDirection.fromAttributeName(attribute.name());
        if (direction.isPresent()) {
          found = direction;
        }
      }
    }
    return found;
  }
}
