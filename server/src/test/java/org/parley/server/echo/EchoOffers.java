package org.parley.server.echo;

/** Offers written for the echo tests; addresses are from the documentation ranges. */
final class EchoOffers {

  /** Opus, G.711 and telephone-event with rtcp-mux, like a current desktop softphone. */
  static final String SOFTPHONE =
      crlf(
          """
          v=0
          o=alice 1001 1001 IN IP4 192.0.2.10
          s=Talk
          c=IN IP4 192.0.2.10
          t=0 0
          m=audio 7078 RTP/AVP 96 0 8 101
          a=rtpmap:96 opus/48000/2
          a=fmtp:96 useinbandfec=1;stereo=0
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-16
          a=rtcp:7079
          a=rtcp-mux
          a=ptime:20
          a=ssrc:12345 cname:alice@example.com
          """);

  /** G.711 and telephone-event, no rtcp-mux, like a desk phone. */
  static final String PLAIN_PHONE =
      crlf(
          """
          v=0
          o=desk 2002 2002 IN IP4 192.0.2.20
          s=SIP Call
          c=IN IP4 192.0.2.20
          t=0 0
          m=audio 16384 RTP/AVP 0 8 101
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-15
          a=ptime:20
          """);

  /** Best-effort SRTP in the style of two m= lines: SRTP first, then plain RTP. */
  static final String SRTP_THEN_RTP =
      crlf(
          """
          v=0
          o=bob 3003 3003 IN IP4 192.0.2.30
          s=-
          c=IN IP4 192.0.2.30
          t=0 0
          m=audio 6000 RTP/SAVP 0 8
          a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:bm90IGEgcmVhbCBrZXkgYXQgYWxsIGp1c3QgdGVzdA
          m=audio 6002 RTP/AVP 0 8
          """);

  /** Nothing the echo can reflect: a message session and DTLS-SRTP audio. */
  static final String NOTHING_ECHOABLE =
      crlf(
          """
          v=0
          o=carol 4004 4004 IN IP4 192.0.2.40
          s=-
          c=IN IP4 192.0.2.40
          t=0 0
          m=message 7394 TCP/MSRP *
          a=accept-types:text/plain
          m=audio 9 UDP/TLS/RTP/SAVPF 111
          a=rtpmap:111 opus/48000/2
          """);

  /** Two audio and two video streams. */
  static final String TWO_OF_EACH =
      crlf(
          """
          v=0
          o=dave 5005 5005 IN IP4 192.0.2.50
          s=-
          c=IN IP4 192.0.2.50
          t=0 0
          m=audio 5000 RTP/AVP 0
          m=audio 5002 RTP/AVP 8
          m=video 5004 RTP/AVPF 96
          a=rtpmap:96 VP8/90000
          a=rtcp-fb:96 nack
          a=rtcp-fb:96 nack pli
          m=video 5006 RTP/AVP 97
          a=rtpmap:97 H264/90000
          """);

  /** Audio, then a BFCP stream the echo cannot serve. */
  static final String WITH_APPLICATION =
      crlf(
          """
          v=0
          o=erin 6006 6006 IN IP4 192.0.2.60
          s=-
          c=IN IP4 192.0.2.60
          t=0 0
          m=audio 4000 RTP/AVP 0
          m=application 4010 UDP/BFCP *
          """);

  /** Audio, and video the caller has disabled with port 0. */
  static final String WITH_DISABLED_VIDEO =
      crlf(
          """
          v=0
          o=frank 7007 7007 IN IP4 192.0.2.70
          s=-
          c=IN IP4 192.0.2.70
          t=0 0
          m=audio 4000 RTP/AVP 0
          m=video 0 RTP/AVP 96
          """);

  /** Plain RTP audio that also offers ICE; the echo does not do ICE, so it ignores it. */
  static final String WITH_ICE =
      crlf(
          """
          v=0
          o=grace 8008 8008 IN IP4 192.0.2.80
          s=-
          c=IN IP4 192.0.2.80
          t=0 0
          m=audio 4000 RTP/AVP 0
          a=rtpmap:0 PCMU/8000
          a=ice-ufrag:abcd
          a=ice-pwd:aaaabbbbccccddddeeeeffff
          a=candidate:1 1 UDP 2130706431 192.0.2.80 4000 typ host
          """);

  private EchoOffers() {}

  static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }

  static String lines(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }
}
