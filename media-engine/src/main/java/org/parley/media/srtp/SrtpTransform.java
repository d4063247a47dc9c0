package org.parley.media.srtp;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.utils.logging2.LoggerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRTP and SRTCP (RFC 3711) for one direction of one media stream: a sender protects outgoing RTP
 * and RTCP, a receiver authenticates, replay-checks and decrypts incoming packets.
 *
 * <p>Works on whole packets as bytes; one cryptographic context per SSRC is derived from the master
 * key on first use. A receiver keeps a context only once a packet from that SSRC has authenticated,
 * so forged SSRCs cannot push the real ones out of the bounded table. Received packets never throw:
 * the outcome is an {@link SrtpVerdict}.
 */
public final class SrtpTransform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SrtpTransform.class);

  /** RTP fixed header (RFC 3550 §5.1). */
  private static final int RTP_HEADER_BYTES = 12;

  /** RTCP common header plus sender SSRC (RFC 3550 §6.4). */
  private static final int RTCP_HEADER_BYTES = 8;

  /** The E flag and 31-bit SRTCP index (RFC 3711 §3.4). */
  private static final int SRTCP_INDEX_BYTES = 4;

  /** A stream rarely has more than a couple of SSRCs; the bound keeps memory fixed. */
  private static final int MAX_SOURCES = 16;

  static {
    // jitsi-srtp otherwise benchmarks every AES provider on first use (8 s measured on the loaded
    // 2-core machine, 3.5 s with this). The JDK's AES-CTR uses the CPU's AES instructions, and at
    // 50 packets a second per stream the provider's speed does not matter; no native library loads.
    Aes.setFactoryClassName("org.jitsi.srtp.crypto.Aes$SunJCECipherFactory");
  }

  private final SrtpSuite suite;
  private final boolean sender;
  private final SrtpContextFactory factory;
  private final Map<Integer, SrtpCryptoContext> rtpContexts = boundedMap();
  private final Map<Integer, SrtcpCryptoContext> rtcpContexts = boundedMap();

  private SrtpTransform(SrtpSuite suite, SrtpMasterKey key, boolean sender) {
    this.suite = suite;
    this.sender = sender;
    this.factory =
        new SrtpContextFactory(
            sender,
            key.masterKey(),
            key.masterSalt(),
            suite.rtpPolicy(),
            suite.rtcpPolicy(),
            new LoggerImpl(SrtpTransform.class.getName()));
  }

  /** A transform that protects what we send, keyed with our own master key. */
  public static SrtpTransform forSending(SrtpSuite suite, SrtpMasterKey key) {
    return new SrtpTransform(suite, key, true);
  }

  /** A transform that unprotects what the peer sends, keyed with the peer's master key. */
  public static SrtpTransform forReceiving(SrtpSuite suite, SrtpMasterKey key) {
    return new SrtpTransform(suite, key, false);
  }

  /**
   * Pays jitsi-srtp's one-off cost now: loading its classes and the cipher's took seconds on a
   * loaded two-core machine. Call once at startup, off the UI and media threads, so the first
   * secured call does not wait for it.
   */
  public static void warmUp() {
    SrtpMasterKey throwaway =
        new SrtpMasterKey(
            new byte[SrtpSuite.MASTER_KEY_LENGTH_BYTES],
            new byte[SrtpSuite.MASTER_SALT_LENGTH_BYTES]);
    try (SrtpTransform transform = forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, throwaway)) {
      byte[] rtp = new byte[RTP_HEADER_BYTES];
      rtp[0] = (byte) 0x80;
      transform.protectRtp(rtp);
    }
  }

  public SrtpSuite suite() {
    return suite;
  }

  /**
   * Encrypts an RTP packet's payload and appends the authentication tag.
   *
   * @throws IllegalArgumentException if the bytes are not an RTP packet
   * @throws SrtpException if the cipher fails
   */
  public synchronized byte[] protectRtp(byte[] rtp) {
    requireSender();
    if (rtpHeaderLength(rtp, rtp.length) < 0) {
      throw new IllegalArgumentException("not an RTP packet (" + rtp.length + " bytes)");
    }
    int ssrc = readInt(rtp, 8);
    PacketBuffer buffer = new PacketBuffer(rtp, 0, rtp.length, suite.rtpAuthTagLengthBytes());
    try {
      SrtpCryptoContext context = rtpContexts.get(ssrc);
      if (context == null) {
        context = factory.deriveContext(ssrc, 0);
        rtpContexts.put(ssrc, context);
      }
      requireOk(context.transformPacket(buffer), "RTP");
    } catch (GeneralSecurityException e) {
      throw new SrtpException("SRTP protect failed", e);
    }
    return buffer.toByteArray();
  }

  /**
   * Encrypts an RTCP compound packet and appends the SRTCP index and authentication tag.
   *
   * @throws IllegalArgumentException if the bytes are not an RTCP packet
   * @throws SrtpException if the cipher fails
   */
  public synchronized byte[] protectRtcp(byte[] rtcp) {
    requireSender();
    if (!isRtcp(rtcp, rtcp.length)) {
      throw new IllegalArgumentException("not an RTCP packet (" + rtcp.length + " bytes)");
    }
    int ssrc = readInt(rtcp, 4);
    int spare = SRTCP_INDEX_BYTES + SrtpSuite.RTCP_AUTH_TAG_LENGTH_BYTES;
    PacketBuffer buffer = new PacketBuffer(rtcp, 0, rtcp.length, spare);
    try {
      SrtcpCryptoContext context = rtcpContexts.get(ssrc);
      if (context == null) {
        context = factory.deriveControlContext(ssrc);
        rtcpContexts.put(ssrc, context);
      }
      requireOk(context.transformPacket(buffer), "RTCP");
    } catch (GeneralSecurityException e) {
      throw new SrtpException("SRTCP protect failed", e);
    }
    return buffer.toByteArray();
  }

  /** Authenticates, replay-checks and decrypts one received SRTP packet. */
  public synchronized SrtpUnprotectResult unprotectRtp(byte[] srtp) {
    requireReceiver();
    int tagLength = suite.rtpAuthTagLengthBytes();
    if (rtpHeaderLength(srtp, srtp.length - tagLength) < 0) {
      return SrtpUnprotectResult.rejected(SrtpVerdict.MALFORMED);
    }
    int ssrc = readInt(srtp, 8);
    PacketBuffer buffer = new PacketBuffer(srtp, 0, srtp.length, 0);
    try {
      SrtpCryptoContext context = rtpContexts.get(ssrc);
      boolean fresh = context == null;
      if (fresh) {
        context = factory.deriveContext(ssrc, 0);
      }
      SrtpVerdict verdict = verdictOf(context.reverseTransformPacket(buffer, false));
      if (verdict == SrtpVerdict.ACCEPTED && fresh) {
        rtpContexts.put(ssrc, context);
      }
      return verdict == SrtpVerdict.ACCEPTED
          ? SrtpUnprotectResult.accepted(buffer.toByteArray())
          : SrtpUnprotectResult.rejected(verdict);
    } catch (GeneralSecurityException e) {
      LOG.warn("SRTP unprotect failed in the cipher", e);
      return SrtpUnprotectResult.rejected(SrtpVerdict.FAILED);
    }
  }

  /** Authenticates, replay-checks and decrypts one received SRTCP packet. */
  public synchronized SrtpUnprotectResult unprotectRtcp(byte[] srtcp) {
    requireReceiver();
    int trailer = SRTCP_INDEX_BYTES + SrtpSuite.RTCP_AUTH_TAG_LENGTH_BYTES;
    if (!isRtcp(srtcp, srtcp.length - trailer)) {
      return SrtpUnprotectResult.rejected(SrtpVerdict.MALFORMED);
    }
    int ssrc = readInt(srtcp, 4);
    PacketBuffer buffer = new PacketBuffer(srtcp, 0, srtcp.length, 0);
    try {
      SrtcpCryptoContext context = rtcpContexts.get(ssrc);
      boolean fresh = context == null;
      if (fresh) {
        context = factory.deriveControlContext(ssrc);
      }
      SrtpVerdict verdict = verdictOf(context.reverseTransformPacket(buffer));
      if (verdict == SrtpVerdict.ACCEPTED && fresh) {
        rtcpContexts.put(ssrc, context);
      }
      return verdict == SrtpVerdict.ACCEPTED
          ? SrtpUnprotectResult.accepted(buffer.toByteArray())
          : SrtpUnprotectResult.rejected(verdict);
    } catch (GeneralSecurityException e) {
      LOG.warn("SRTCP unprotect failed in the cipher", e);
      return SrtpUnprotectResult.rejected(SrtpVerdict.FAILED);
    }
  }

  /** Wipes the master key copy held for deriving new contexts. */
  @Override
  public synchronized void close() {
    factory.close();
    rtpContexts.clear();
    rtcpContexts.clear();
  }

  private static SrtpVerdict verdictOf(SrtpErrorStatus status) {
    return switch (status) {
      case OK -> SrtpVerdict.ACCEPTED;
      case AUTH_FAIL -> SrtpVerdict.AUTHENTICATION_FAILED;
      case REPLAY_FAIL -> SrtpVerdict.REPLAYED;
      case REPLAY_OLD -> SrtpVerdict.OUTSIDE_REPLAY_WINDOW;
      case INVALID_PACKET -> SrtpVerdict.MALFORMED;
      case FAIL -> SrtpVerdict.FAILED;
    };
  }

  private static void requireOk(SrtpErrorStatus status, String what) {
    if (status != SrtpErrorStatus.OK) {
      throw new SrtpException(what + " protect refused: " + status, null);
    }
  }

  /** The RTP header length including CSRCs and extension, or -1 if it does not fit. */
  static int rtpHeaderLength(byte[] packet, int length) {
    if (length < RTP_HEADER_BYTES || (packet[0] & 0xC0) != 0x80) {
      return -1;
    }
    int headerLength = RTP_HEADER_BYTES + 4 * (packet[0] & 0x0F);
    if ((packet[0] & 0x10) != 0) {
      if (headerLength + 4 > length) {
        return -1;
      }
      int extensionWords =
          ((packet[headerLength + 2] & 0xFF) << 8) | (packet[headerLength + 3] & 0xFF);
      headerLength += 4 + 4 * extensionWords;
    }
    return headerLength <= length ? headerLength : -1;
  }

  private static boolean isRtcp(byte[] packet, int length) {
    return length >= RTCP_HEADER_BYTES && (packet[0] & 0xC0) == 0x80;
  }

  private static int readInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 24)
        | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8)
        | (bytes[offset + 3] & 0xFF);
  }

  private void requireSender() {
    if (!sender) {
      throw new IllegalStateException("this SRTP transform receives; it cannot protect");
    }
  }

  private void requireReceiver() {
    if (sender) {
      throw new IllegalStateException("this SRTP transform sends; it cannot unprotect");
    }
  }

  private static <V> Map<Integer, V> boundedMap() {
    return new LinkedHashMap<>(MAX_SOURCES, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
        return size() > MAX_SOURCES;
      }
    };
  }
}
