package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEarlyMedia;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.testing.AnswerSplitSink;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.TestAccounts;
import org.parley.core.testing.ToneSequence;
import org.parley.media.rtp.RtpFormatException;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketParser;

/**
 * Early media (RFC 3960's gateway model): the callee answers 183 Session Progress with SDP and
 * plays tones before its 200; our phone, the caller, plays them before the answer and keeps the
 * same RTP stream, both ways, once the 200 arrives.
 */
class EarlyMediaIT {

  private static final int WAIT_MILLIS = 10_000;

  /**
   * Two tones' worth of audio from the first loud sample, and half a tone more: the jitter buffer
   * may stretch the start (concealment, time scaling), and the second tone must be whole.
   */
  private static final int TWO_TONES_AND_SLACK_MILLIS = 5 * ToneSequence.SEGMENT_MILLIS / 2;

  private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

  private final CallEvents events = new CallEvents();
  private Softphone phone;
  private RawSipPeer callee;
  private DatagramSocket rtp;

  @BeforeEach
  void start() throws Exception {
    phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    callee = RawSipPeer.called("callee1");
    rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    phone.close();
    callee.close();
    rtp.close();
  }

  /** The SSRC and sequence number of each packet our phone sent, and whether the 200 was out. */
  private record Sent(long ssrc, int sequenceNumber, boolean afterAnswer) {}

  @Test
  void tonesIn183EarlyMediaPlayBeforeTheAnswerAndTheCallKeepsItsStream() throws Exception {
    Account alice = TestAccounts.direct(phone, "alice", callee.localPort());
    AnswerSplitSink heard = new AnswerSplitSink();
    alice.addCallListener(heard);
    alice.addCallListener(events);

    Call call =
        alice.call(
            "sip:bob@127.0.0.1:" + callee.localPort(), CallMedia.of(new ToneSequence(), heard));
    Message invite = nextRequest("INVITE");
    InetSocketAddress phoneRtp = new InetSocketAddress("127.0.0.1", audioPort(invite.body()));
    String answer = RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "0", "rtpmap:0 PCMU/8000");

    Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean okSent = new AtomicBoolean();
    Thread reader = new Thread(() -> readRtp(sent, okSent), "early-media-rtp-reader");
    reader.setDaemon(true);
    reader.start();
    try (RtpToneSender tones = new RtpToneSender(rtp, phoneRtp)) {
      callee.respond(invite, 183, answer);
      assertThat(events.next(CallEarlyMedia.class).codec()).isEqualTo("PCMU");
      tones.start();
      tones.play(new ToneSequence(600, 1000));
      heard.beforeAnswer().awaitAfterSound(TWO_TONES_AND_SLACK_MILLIS, WAIT_MILLIS);

      okSent.set(true);
      callee.respond(invite, 200, answer);
      nextRequest("ACK");
      assertThat(events.next(CallEstablished.class).codec()).isEqualTo("PCMU");
      tones.play(new ToneSequence(1400, 800));
      heard.afterAnswer().awaitAfterSound(TWO_TONES_AND_SLACK_MILLIS, WAIT_MILLIS);
    }

    assertThat(ToneSequence.toneRunsIn(heard.beforeAnswer().samples(), ToneSequence.RATE_HZ))
        .as("tones played before the 200")
        .containsExactly(600.0, 1000.0);
    assertThat(ToneSequence.toneRunsIn(heard.afterAnswer().samples(), ToneSequence.RATE_HZ))
        .as("tones played after the 200, on the same stream")
        .containsExactly(1400.0, 800.0);
    assertOneUnbrokenStream(List.copyOf(sent));

    call.hangUp();
    Message bye = nextRequest("BYE");
    callee.respond(bye, 200, null);
    assertThat(events.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);
  }

  /** The next request of {@code method}; others (the phone's PUBLISH, say) are skipped. */
  private Message nextRequest(String method) throws IOException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Optional<Message> next = callee.nextRequest(WAIT_MILLIS);
      if (next.isPresent() && next.get().firstLine().startsWith(method + " ")) {
        return next.get();
      }
    }
    throw new AssertionError("No " + method + " within " + WAIT_MILLIS + " ms");
  }

  private static int audioPort(String sdp) {
    Matcher port = AUDIO_PORT.matcher(sdp);
    if (!port.find()) {
      throw new AssertionError("No audio line in the offer:\n" + sdp);
    }
    return Integer.parseInt(port.group(1));
  }

  private void readRtp(Queue<Sent> sent, AtomicBoolean okSent) {
    byte[] buffer = new byte[1500];
    while (!rtp.isClosed()) {
      DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
      try {
        rtp.receive(datagram);
        RtpPacket packet = RtpPacketParser.parse(buffer, 0, datagram.getLength());
        // RTCP's packet types 200-204 read as payload types 72-76 with the marker bit set.
        if (packet.payloadType() < 72 || packet.payloadType() > 76) {
          sent.add(new Sent(packet.ssrc(), packet.sequenceNumber(), okSent.get()));
        }
      } catch (RtpFormatException e) {
        // RTCP or anything else that is not RTP: not part of the stream under test.
      } catch (SocketException e) {
        return; // closed at the end of the test
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Our phone's RTP, both sides of the 200: one SSRC, and sequence numbers that go on by one (a
   * restarted stream would pick a new SSRC and a random sequence number).
   */
  private static void assertOneUnbrokenStream(List<Sent> sent) {
    assertThat(sent).as("our RTP before the 200").anyMatch(s -> !s.afterAnswer());
    assertThat(sent).as("our RTP after the 200").anyMatch(Sent::afterAnswer);
    assertThat(sent.stream().map(Sent::ssrc).distinct()).hasSize(1);
    for (int i = 1; i < sent.size(); i++) {
      int step = (sent.get(i).sequenceNumber() - sent.get(i - 1).sequenceNumber()) & 0xFFFF;
      assertThat(step).as("sequence step at packet %d", i).isEqualTo(1);
    }
  }
}
