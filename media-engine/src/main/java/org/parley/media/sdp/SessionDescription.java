package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed or built SDP session description (RFC 8866): the session-level lines and the media
 * descriptions. Immutable; use {@link #toBuilder()} or the withers to derive a changed copy, and
 * {@link #format()} to write it.
 *
 * @param version the protocol version of {@code v=}, always 0 today
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} text; {@code -} when there is nothing to say
 * @param connection the session-level {@code c=} line, or null if every medium has its own
 * @param bandwidths the session-level {@code b=} lines
 * @param timings the {@code t=} lines with their {@code r=} lines; at least one
 * @param attributes the session-level {@code a=} lines in order, unknown ones included
 * @param media the media descriptions in order
 * @param otherLines the session-level {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code z=}
 *     and {@code k=} lines, kept as written
 */
public record SessionDescription(
    int version,
    Origin origin,
    String sessionName,
    Connection connection,
    List<Bandwidth> bandwidths,
    List<Timing> timings,
    List<Attribute> attributes,
    List<MediaDescription> media,
    List<SdpLine> otherLines) {

  public SessionDescription {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    Objects.requireNonNull(origin, "origin");
    SdpText.requireText(sessionName, "session name");
    bandwidths = List.copyOf(bandwidths);
    timings = List.copyOf(timings);
    if (timings.isEmpty()) {
      throw new IllegalArgumentException("a session description needs at least one timing");
    }
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
    otherLines = SdpLine.inWritingOrder(otherLines);
  }

  /** Starts a description: version 0, session name {@code -}, {@code t=0 0}; origin required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this description's values, for deriving a changed copy. */
  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .version(version)
            .origin(origin)
            .sessionName(sessionName)
            .connection(connection);
    builder.bandwidths.addAll(bandwidths);
    builder.timings.addAll(timings);
    builder.attributes.addAll(attributes);
    builder.media.addAll(media);
    builder.otherLines.addAll(otherLines);
    return builder;
  }

  /** The same description with other media descriptions. */
  public SessionDescription withMedia(List<MediaDescription> newMedia) {
    return new SessionDescription(
        version,
        origin,
        sessionName,
        connection,
        bandwidths,
        timings,
        attributes,
        newMedia,
        otherLines);
  }

  /** The same description with another origin, for example {@link Origin#withNextVersion()}. */
  public SessionDescription withOrigin(Origin newOrigin) {
    return new SessionDescription(
        version,
        newOrigin,
        sessionName,
        connection,
        bandwidths,
        timings,
        attributes,
        media,
        otherLines);
  }

  /** The first timing: SIP sessions have exactly one, {@code t=0 0}. */
  public Timing timing() {
    return timings.get(0);
  }

  /** The first session-level attribute of this name. */
  public Optional<Attribute> attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** Every session-level attribute of this name, in order. */
  public List<Attribute> attributes(String name) {
    return Attributes.all(attributes, name);
  }

  /** The session-level direction: its direction attribute, else {@code sendrecv}. */
  public MediaDirection direction() {
    return Attributes.direction(attributes).orElse(MediaDirection.SENDRECV);
  }

  /** The direction in effect for a medium: its own attribute, else the session's. */
  public MediaDirection effectiveDirection(MediaDescription medium) {
    return medium.declaredDirection().orElseGet(this::direction);
  }

  /** The connection in effect for a medium: its own {@code c=} line, else the session's. */
  public Optional<Connection> effectiveConnection(MediaDescription medium) {
    return Optional.ofNullable(medium.connection() != null ? medium.connection() : connection);
  }

  /** The description as SDP text: CRLF-terminated lines in RFC 8866 order. */
  public String format() {
    return SdpFormatter.format(this);
  }

  /** A summary without attribute values, which may hold keys ({@code a=crypto}). */
  @Override
  public String toString() {
    return "SessionDescription[o="
        + origin.lineValue()
        + ", media="
        + media.stream().map(MediaDescription::mLineValue).collect(Collectors.toList())
        + "]";
  }

  /** Collects the parts of a {@link SessionDescription}. */
  public static final class Builder {
    private int version;
    private Origin origin;
    private String sessionName = "-";
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();

    private Builder() {}

    public Builder version(int value) {
      this.version = value;
      return this;
    }

    public Builder origin(Origin value) {
      this.origin = value;
      return this;
    }

    public Builder sessionName(String value) {
      this.sessionName = value;
      return this;
    }

    /** Sets the session-level connection; null when every medium has its own. */
    public Builder connection(Connection value) {
      this.connection = value;
      return this;
    }

    public Builder addBandwidth(Bandwidth bandwidth) {
      bandwidths.add(bandwidth);
      return this;
    }

    /** Adds a timing; without any, the description gets {@link Timing#PERMANENT}. */
    public Builder addTiming(Timing timing) {
      timings.add(timing);
      return this;
    }

    public Builder addAttribute(Attribute attribute) {
      attributes.add(attribute);
      return this;
    }

    public Builder addMedia(MediaDescription medium) {
      media.add(medium);
      return this;
    }

    /** Replaces the media descriptions. */
    public Builder media(List<MediaDescription> values) {
      media.clear();
      media.addAll(values);
      return this;
    }

    public Builder addOtherLine(SdpLine line) {
      otherLines.add(line);
      return this;
    }

    /**
     * Builds the description.
     *
     * @throws NullPointerException if no origin was set
     * @throws IllegalArgumentException if a value cannot be written as SDP
     */
    public SessionDescription build() {
      return new SessionDescription(
          version,
          origin,
          sessionName,
          connection,
          bandwidths,
          timings.isEmpty() ? List.of(Timing.PERMANENT) : timings,
          attributes,
          media,
          otherLines);
    }
  }
}
