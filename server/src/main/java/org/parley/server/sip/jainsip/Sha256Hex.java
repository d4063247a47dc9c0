package org.parley.server.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 fingerprints of text, for branch parameters and Call-IDs we derive. */
final class Sha256Hex {

  // A provider lookup per hash showed in profiles; a digest per thread avoids it.
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Sha256Hex::newDigest);

  private Sha256Hex() {}

  /** The first {@code bytes} bytes of the text's SHA-256, in lower-case hex. */
  static String of(String text, int bytes) {
    byte[] digest = DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, bytes);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
