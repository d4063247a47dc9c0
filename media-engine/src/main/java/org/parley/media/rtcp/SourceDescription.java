package org.parley.media.rtcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SDES packet (RFC 3550 §6.5): items describing one or more sources.
 *
 * @param chunks one chunk per source, at most 31
 */
public record SourceDescription(List<SourceDescription.Chunk> chunks) implements RtcpPacket {

  /** Item type of the canonical name. */
  public static final int CNAME = 1;

  public SourceDescription {
    chunks = List.copyOf(chunks);
    if (chunks.size() > 31) {
      throw new IllegalArgumentException("more than 31 SDES chunks: " + chunks.size());
    }
  }

  /** An SDES with one chunk holding just a CNAME. */
  public static SourceDescription cname(long ssrc, String cname) {
    return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
  }

  /** The CNAME given for {@code ssrc}, if any. */
  public Optional<String> cnameOf(long ssrc) {
    return chunks.stream()
        .filter(c -> c.ssrc() == ssrc)
        .flatMap(c -> c.items().stream())
        .filter(i -> i.type() == CNAME)
        .map(Item::text)
        .findFirst();
  }

  @Override
  public int packetType() {
    return SDES;
  }

  /** The items about one source. */
  public record Chunk(long ssrc, List<Item> items) {
    public Chunk {
      ReportBlock.requireU32(ssrc, "SSRC");
      items = List.copyOf(items);
    }
  }

  /**
   * One item: a type (1..255; 1 is CNAME) and text, sent as at most 255 bytes of UTF-8. The writer
   * checks the length: text decoded from a peer's invalid UTF-8 may encode longer.
   */
  public record Item(int type, String text) {
    public Item {
      if (type < 1 || type > 255) {
        throw new IllegalArgumentException("SDES item type out of range 1-255: " + type);
      }
      Objects.requireNonNull(text, "text");
    }
  }
}
