package org.parley.media.sdp;

import java.util.Map;

/**
 * Session descriptions written for these tests, in canonical form (RFC order, so they round-trip
 * byte for byte once their line ends are CRLF). Addresses are from the documentation ranges.
 */
final class SdpFixtures {

  /** What a desktop softphone in the Linphone/baresip mould offers: opus first, rtcp-mux. */
  static final String SOFTPHONE_OFFER =
      crlf(
          """
          v=0
          o=alice 3724394400 3724394405 IN IP4 192.0.2.10
          s=Talk
          c=IN IP4 192.0.2.10
          t=0 0
          a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
          m=audio 7078 RTP/AVP 96 0 8 101
          a=rtpmap:96 opus/48000/2
          a=fmtp:96 useinbandfec=1
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-15
          a=rtcp:7079
          a=rtcp-mux
          a=ptime:20
          a=sendrecv
          """);

  /** Audio and receive-only video with feedback, as a video-capable softphone might offer. */
  static final String AUDIO_VIDEO_OFFER =
      crlf(
          """
          v=0
          o=bob 2890844526 2890844526 IN IP4 198.51.100.7
          s=-
          c=IN IP4 198.51.100.7
          t=0 0
          m=audio 40000 RTP/AVP 0 8 101
          a=rtpmap:0 PCMU/8000
          a=rtpmap:8 PCMA/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-16
          m=video 40002 RTP/AVPF 100 102
          b=AS:512
          a=rtpmap:100 VP8/90000
          a=rtpmap:102 H264/90000
          a=fmtp:102 profile-level-id=42e01f;packetization-mode=1
          a=rtcp-fb:100 nack pli
          a=rtcp-fb:* ccm fir
          a=recvonly
          """);

  /** IPv6 everywhere; payload type 0 without an rtpmap, which RFC 3551 allows. */
  static final String IPV6_OFFER =
      crlf(
          """
          v=0
          o=carol 1 1 IN IP6 2001:db8::1
          s=-
          c=IN IP6 2001:db8::1
          t=0 0
          m=audio 5004 RTP/AVP 9 0
          a=rtpmap:9 G722/8000
          """);

  /** An answer that accepts audio and rejects video with port 0. */
  static final String REJECTED_VIDEO_ANSWER =
      crlf(
          """
          v=0
          o=- 20518 20520 IN IP4 203.0.113.5
          s=-
          c=IN IP4 203.0.113.5
          t=0 0
          m=audio 30000 RTP/AVP 0
          a=sendrecv
          m=video 0 RTP/AVP 31
          """);

  /** No session-level c=: each medium carries its own. */
  static final String MEDIA_LEVEL_CONNECTIONS =
      crlf(
          """
          v=0
          o=dave 42 42 IN IP4 192.0.2.33
          s=-
          t=0 0
          m=audio 6000 RTP/AVP 0
          c=IN IP4 192.0.2.34
          m=audio 6002 RTP/AVP 8
          c=IN IP4 192.0.2.35
          """);

  /** Every line type the parser knows, including ones the model only keeps as text. */
  static final String EVERY_LINE_TYPE =
      crlf(
          """
          v=0
          o=erin 7 9 IN IP4 192.0.2.40
          s=Weekly sync
          i=A session with every kind of line
          u=https://example.com/sync
          e=erin@example.com (Erin)
          p=+1 555 0100
          c=IN IP4 192.0.2.40
          b=CT:1024
          t=3034423619 3042462419
          r=604800 3600 0 90000
          z=2882844526 -1h 2898848070 0
          k=prompt
          a=tool:parley-test
          a=x-empty-value:
          a=recvonly
          m=audio 49170/2 RTP/AVP 0
          i=main audio
          c=IN IP4 192.0.2.41
          b=AS:64
          b=TIAS:64000
          k=prompt
          a=x-unknown:some value with spaces
          a=rtcp:53020 IN IP4 192.0.2.41
          """);

  /** An SRTP (SDES) offer; the key is a made-up test value. */
  static final String SRTP_OFFER =
      crlf(
          """
          v=0
          o=frank 5 5 IN IP4 192.0.2.50
          s=-
          c=IN IP4 192.0.2.50
          t=0 0
          m=audio 8000 RTP/SAVP 0
          a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:VGhpcyBpcyBub3QgYSByZWFsIGtleSEhISEhIQ
          """);

  static final Map<String, String> ALL =
      Map.of(
          "softphone offer", SOFTPHONE_OFFER,
          "audio and video offer", AUDIO_VIDEO_OFFER,
          "IPv6 offer", IPV6_OFFER,
          "rejected video answer", REJECTED_VIDEO_ANSWER,
          "media-level connections", MEDIA_LEVEL_CONNECTIONS,
          "every line type", EVERY_LINE_TYPE,
          "SRTP offer", SRTP_OFFER);

  private SdpFixtures() {}

  /** Text-block lines (LF) as SDP lines (CRLF). */
  static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }

  /** Lines joined and terminated with CRLF. */
  static String lines(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }
}
