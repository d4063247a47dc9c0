package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.stack.HopImpl;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.RequestEvent;
import javax.sip.address.Hop;
import javax.sip.header.ViaHeader;

/**
 * Flow tokens in the user part of our Record-Route (after RFC 5626 §5.3): they name the two flows a
 * dialog was set up over (the caller's connection and the callee's registration flow), so every
 * in-dialog request leaves over the flow that faces its destination. Sending to the Contact instead
 * opens a new connection, which a TCP or TLS phone behind NAT can never accept and which a phone
 * may close while the call is still being set up.
 *
 * <p>The token is signed with a key that lives as long as the process: nobody can forge one to make
 * the proxy send to an address of their choosing. After a restart old tokens no longer verify and
 * requests fall back to their Request-URI, which is what happens without tokens.
 */
final class FlowTokens {

  static final String PREFIX = "pfl";
  private static final int MAC_BYTES = 10;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** One transport-level path to a neighbour: the address we received from, or send to. */
  record Flow(String transport, String host, int port) {

    Flow {
      transport = transport.toLowerCase(Locale.ROOT);
    }

    /** The flow a request arrived over: its transport and the packet's source address. */
    static Flow arrivalOf(RequestEvent event) {
      ViaHeader via = (ViaHeader) event.getRequest().getHeader(ViaHeader.NAME);
      RequestEventExt source = (RequestEventExt) event;
      return new Flow(via.getTransport(), source.getRemoteIpAddress(), source.getRemotePort());
    }

    static Flow of(Hop hop) {
      return new Flow(hop.getTransport(), hop.getHost(), hop.getPort());
    }

    Hop hop() {
      return new HopImpl(host, port, transport);
    }
  }

  /** The two flows of a dialog: where its creating request came from, and where it went. */
  record Dialog(Flow upstream, Flow downstream) {

    /** The flow facing the other side from {@code arrival}, if {@code arrival} is one of ours. */
    Optional<Flow> oppositeOf(Flow arrival) {
      if (arrival.equals(upstream)) {
        return Optional.of(downstream);
      }
      if (arrival.equals(downstream)) {
        return Optional.of(upstream);
      }
      return Optional.empty();
    }
  }

  // A Mac per thread: looking the provider up for every request showed in profiles (Sha256Hex).
  private final ThreadLocal<Mac> macs;

  FlowTokens() {
    this(randomKey());
  }

  FlowTokens(byte[] key) {
    SecretKeySpec secret = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> newMac(secret));
  }

  /** A Record-Route user part naming both flows, signed. */
  String encode(Dialog dialog) {
    byte[] payload =
        String.join(
                "|",
                dialog.upstream().transport(),
                dialog.upstream().host(),
                Integer.toString(dialog.upstream().port()),
                dialog.downstream().transport(),
                dialog.downstream().host(),
                Integer.toString(dialog.downstream().port()))
            .getBytes(StandardCharsets.UTF_8);
    byte[] token = Arrays.copyOf(mac(payload), MAC_BYTES + payload.length);
    System.arraycopy(payload, 0, token, MAC_BYTES, payload.length);
    return PREFIX + ENCODER.encodeToString(token);
  }

  /** The dialog's flows, when {@code user} is a token this process signed; empty otherwise. */
  Optional<Dialog> decode(String user) {
    if (user == null || !user.startsWith(PREFIX)) {
      return Optional.empty();
    }
    byte[] token;
    try {
      token = DECODER.decode(user.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (token.length <= MAC_BYTES) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOfRange(token, MAC_BYTES, token.length);
    byte[] expected = Arrays.copyOf(mac(payload), MAC_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOf(token, MAC_BYTES))) {
      return Optional.empty();
    }
    String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (fields.length != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Dialog(
              new Flow(fields[0], fields[1], Integer.parseInt(fields[2])),
              new Flow(fields[3], fields[4], Integer.parseInt(fields[5]))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private byte[] mac(byte[] payload) {
    return macs.get().doFinal(payload);
  }

  private static Mac newMac(SecretKeySpec secret) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(secret);
      return hmac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
