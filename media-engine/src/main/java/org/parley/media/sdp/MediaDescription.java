package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media description: an {@code m=} line and the {@code i=}, {@code c=}, {@code b=}, {@code k=}
 * and {@code a=} lines under it.
 *
 * @param media the media type, such as {@code audio} or {@code video}
 * @param port the transport port, 0 for a disabled or rejected stream
 * @param portCount the number of consecutive ports ({@code port/count}), 1 when not written
 * @param proto the transport protocol, such as {@code RTP/AVP} or {@code RTP/SAVP}
 * @param formats the media formats in preference order: RTP payload types for RTP protocols
 * @param connection the media-level {@code c=} line, or null to use the session's
 * @param bandwidths the {@code b=} lines
 * @param attributes the {@code a=} lines in order, unknown ones included
 * @param otherLines the {@code i=} and {@code k=} lines, kept as written
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String proto,
    List<String> formats,
    Connection connection,
    List<Bandwidth> bandwidths,
    List<Attribute> attributes,
    List<SdpLine> otherLines) {

  private static final int MAX_PORT = 65535;

  public MediaDescription {
    SdpText.requireWord(media, "media type");
    SdpText.requireWord(proto, "proto");
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("port out of range 0-65535: " + port);
    }
    if (portCount < 1) {
      throw new IllegalArgumentException("port count must be positive: " + portCount);
    }
    formats = List.copyOf(formats);
    formats.forEach(f -> SdpText.requireWord(f, "format"));
    bandwidths = List.copyOf(bandwidths);
    attributes = List.copyOf(attributes);
    otherLines = SdpLine.inWritingOrder(otherLines);
    for (SdpLine line : otherLines) {
      if (SdpLine.MEDIA_TYPES.indexOf(line.type()) < 0) {
        throw new IllegalArgumentException(line.type() + "= is not allowed in a media section");
      }
    }
  }

  /** Starts a media description; port count 1, no formats or attributes yet. */
  public static Builder builder(String media, int port, String proto) {
    return new Builder(media, port, proto);
  }

  /** A builder holding this description's values, for deriving a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder(media, port, proto).portCount(portCount).connection(connection);
    builder.formats.addAll(formats);
    builder.bandwidths.addAll(bandwidths);
    builder.attributes.addAll(attributes);
    builder.otherLines.addAll(otherLines);
    return builder;
  }

  /** The same description on another port; port 0 rejects or disables the stream. */
  public MediaDescription withPort(int newPort) {
    return toBuilder().port(newPort).build();
  }

  /** Whether the port is 0: the stream is rejected (in an answer) or disabled (in an offer). */
  public boolean isRejected() {
    return port == 0;
  }

  /** The first attribute of this name. */
  public Optional<Attribute> attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** Every attribute of this name, in order. */
  public List<Attribute> attributes(String name) {
    return Attributes.all(attributes, name);
  }

  /** Whether an attribute of this name is present. */
  public boolean hasAttribute(String name) {
    return attribute(name).isPresent();
  }

  /**
   * The {@code a=rtpmap} attributes by payload type, in attribute order; malformed ones are left
   * out. Static payload types offered without an rtpmap are not included: see {@link #rtpMap(int)}.
   */
  public Map<Integer, RtpMap> rtpmaps() {
    Map<Integer, RtpMap> maps = new LinkedHashMap<>();
    for (Attribute attribute : attributes("rtpmap")) {
      if (attribute.value() != null) {
        RtpMap.parse(attribute.value()).ifPresent(m -> maps.putIfAbsent(m.payloadType(), m));
      }
    }
    return Collections.unmodifiableMap(maps);
  }

  /** The mapping of a payload type: its {@code a=rtpmap}, else RFC 3551's static assignment. */
  public Optional<RtpMap> rtpMap(int payloadType) {
    RtpMap explicit = rtpmaps().get(payloadType);
    return explicit != null ? Optional.of(explicit) : RtpMap.forStaticPayloadType(payloadType);
  }

  /** The format parameters of {@code a=fmtp:<payloadType> <parameters>}, such as opus's. */
  public Optional<String> fmtp(int payloadType) {
    return formatAttribute("fmtp", Integer.toString(payloadType));
  }

  /**
   * The value of the first attribute of this name that starts with {@code format} and a space
   * ({@code rtpmap}, {@code fmtp}, {@code rtcp-fb}), without that prefix.
   */
  public Optional<String> formatAttribute(String name, String format) {
    for (Attribute attribute : attributes(name)) {
      String value = attribute.value();
      if (value != null && format.equals(formatOf(value))) {
        return Optional.of(value.substring(format.length()).strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The format an attribute such as {@code rtpmap}, {@code fmtp} or {@code rtcp-fb} is about: the
   * first word of its value.
   */
  public static String formatOf(String attributeValue) {
    int space = attributeValue.indexOf(' ');
    return space < 0 ? attributeValue : attributeValue.substring(0, space);
  }

  /**
   * The direction attribute written in this media description, if any. The direction in effect also
   * depends on the session level: see {@link SessionDescription#effectiveDirection}.
   */
  public Optional<MediaDirection> declaredDirection() {
    return Attributes.direction(attributes);
  }

  /** Whether {@code a=rtcp-mux} (RFC 5761) is present: RTP and RTCP share one port. */
  public boolean rtcpMux() {
    return hasAttribute("rtcp-mux");
  }

  /**
   * The RTCP port of {@code a=rtcp} (RFC 3605), if present and well-formed. Without it, RTCP uses
   * port + 1, or the RTP port when {@link #rtcpMux()} is set.
   */
  public OptionalInt rtcpPort() {
    Optional<String> value = attribute("rtcp").flatMap(Attribute::optionalValue);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long rtcpPort = SdpText.parseDigits(formatOf(value.get()), 5);
    return rtcpPort < 0 || rtcpPort > MAX_PORT
        ? OptionalInt.empty()
        : OptionalInt.of((int) rtcpPort);
  }

  /** A summary without attribute values, which may hold keys ({@code a=crypto}). */
  @Override
  public String toString() {
    return "m=" + mLineValue() + " (" + attributes.size() + " attributes)";
  }

  String mLineValue() {
    StringBuilder line = new StringBuilder(media).append(' ').append(port);
    if (portCount != 1) {
      line.append('/').append(portCount);
    }
    line.append(' ').append(proto);
    formats.forEach(f -> line.append(' ').append(f));
    return line.toString();
  }

  /** Collects the parts of a {@link MediaDescription}. */
  public static final class Builder {
    private final String media;
    private int port;
    private int portCount = 1;
    private final String proto;
    private final List<String> formats = new ArrayList<>();
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();

    private Builder(String media, int port, String proto) {
      this.media = Objects.requireNonNull(media, "media");
      this.port = port;
      this.proto = Objects.requireNonNull(proto, "proto");
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder portCount(int value) {
      this.portCount = value;
      return this;
    }

    public Builder addFormat(String format) {
      formats.add(format);
      return this;
    }

    /** Replaces the formats. */
    public Builder formats(List<String> values) {
      formats.clear();
      formats.addAll(values);
      return this;
    }

    /** Sets the media-level connection; null to use the session's. */
    public Builder connection(Connection value) {
      this.connection = value;
      return this;
    }

    public Builder addBandwidth(Bandwidth bandwidth) {
      bandwidths.add(bandwidth);
      return this;
    }

    public Builder addAttribute(Attribute attribute) {
      attributes.add(attribute);
      return this;
    }

    /** Replaces the attributes. */
    public Builder attributes(List<Attribute> values) {
      attributes.clear();
      attributes.addAll(values);
      return this;
    }

    public Builder addOtherLine(SdpLine line) {
      otherLines.add(line);
      return this;
    }

    /**
     * Builds the description.
     *
     * @throws IllegalArgumentException if a value cannot be written as SDP
     */
    public MediaDescription build() {
      return new MediaDescription(
          media, port, portCount, proto, formats, connection, bandwidths, attributes, otherLines);
    }
  }
}
