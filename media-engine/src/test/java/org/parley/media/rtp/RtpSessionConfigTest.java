package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;

class RtpSessionConfigTest {

  static SessionDescription sdp(String mediaLines) throws Exception {
    return SdpParser.parse(
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + mediaLines.replace("\n", "\r\n"));
  }

  static RtpSessionConfig fromSdp(SessionDescription description) {
    return RtpSessionConfig.builder()
        .remoteFromSdp(description, description.media().get(0))
        .build();
  }

  @Test
  void withoutRtcpAttributesRtcpGoesToTheNextPort() throws Exception {
    RtpSessionConfig config = fromSdp(sdp("m=audio 40000 RTP/AVP 0\n"));

    assertThat(config.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.1", 40000));
    assertThat(config.rtcpMux()).isFalse();
    assertThat(config.effectiveRemoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.1", 40001));
  }

  @Test
  void anRtcpAttributeNamesThePort() throws Exception {
    RtpSessionConfig config = fromSdp(sdp("m=audio 40000 RTP/AVP 0\na=rtcp:40011\n"));

    assertThat(config.effectiveRemoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.1", 40011));
  }

  @Test
  void rtcpMuxSharesTheRtpAddress() throws Exception {
    RtpSessionConfig config =
        fromSdp(sdp("m=audio 40000 RTP/AVP 0\nc=IN IP4 192.0.2.9\na=rtcp:40001\na=rtcp-mux\n"));

    assertThat(config.rtcpMux()).isTrue();
    assertThat(config.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.9", 40000));
    assertThat(config.effectiveRemoteRtcp()).isEqualTo(config.remoteRtp());
  }

  @Test
  void aDescriptionWithoutAConnectionIsRefused() throws Exception {
    SessionDescription noConnection =
        SdpParser.parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4 RTP/AVP 0\r\n");

    assertThatThrownBy(() -> fromSdp(noConnection)).isInstanceOf(IllegalArgumentException.class);
  }
}
