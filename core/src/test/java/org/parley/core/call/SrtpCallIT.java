package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SrtpSuite;
import org.parley.media.srtp.SrtpTransform;
import org.parley.media.srtp.SrtpUnprotectResult;

/** Calls with SRTP keyed by SDES (RFC 4568) between two phones, and as seen on the wire. */
class SrtpCallIT {

  private static final double[] ALICE_TONES = {500, 800, 1100, 1400};
  private static final double[] BOB_TONES = {1300, 1000, 700, 400};
  private static final int RTP_HEADER_BYTES = 12;

  private TwoPhones phones;
  private Account alice;
  private Account bob;
  private CallEvents aliceEvents;
  private CallEvents bobEvents;

  @BeforeAll
  static void warmUp() {
    // What an SRTP policy starts in the background, done before the clock starts: under load the
    // one-off AES benchmark could otherwise overlap the first call's tones.
    SrtpTransform.warmUp();
  }

  @BeforeEach
  void start() throws Exception {
    phones = new TwoPhones();
    alice = phones.alice;
    bob = phones.bob;
    aliceEvents = phones.aliceEvents;
    bobEvents = phones.bobEvents;
  }

  @AfterEach
  void stop() {
    phones.close();
  }

  @Test
  void aCallerThatRequiresSrtpAndACalleeThatAllowsItHearEachOthersTones() throws Exception {
    alice.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.REQUIRED));
    bob.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.OPTIONAL));
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing =
        alice.call(
            "bob",
            CallMedia.of(new ToneSequence(ALICE_TONES), aliceHears)
                .withCodecs(List.of(G711Codec.PCMU)));
    Call incoming = bobEvents.next(IncomingCall.class).call();
    incoming.answer(CallMedia.of(new ToneSequence(BOB_TONES), bobHears));
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);
    assertThat(outgoing.encrypted()).isTrue();
    assertThat(incoming.encrypted()).isTrue();

    assertThat(bobHears.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    assertThat(aliceHears.awaitToneRuns(4, 15_000)).containsExactly(1300.0, 1000.0, 700.0, 400.0);
    outgoing.hangUp();
    bobEvents.next(CallEnded.class);
    aliceEvents.next(CallEnded.class);
  }

  @Test
  void twoPhonesThatBothRequireSrtpTalkAndHangUp() throws Exception {
    alice.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.REQUIRED));
    bob.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.REQUIRED));
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing =
        alice.call(
            "bob",
            CallMedia.of(new ToneSequence(ALICE_TONES), new RecordingSink(ToneSequence.RATE_HZ))
                .withCodecs(List.of(G711Codec.PCMU)));
    bobEvents.next(IncomingCall.class).call().answer(CallMedia.of(new ToneSequence(), bobHears));
    aliceEvents.next(CallEstablished.class);

    assertThat(bobHears.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    outgoing.hangUp();
    aliceEvents.next(CallEnded.class);
    bobEvents.next(CallEnded.class);
  }

  @Test
  void aCallerThatRequiresSrtpCannotCallAPhoneWithoutIt() throws Exception {
    alice.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.REQUIRED));
    alice.call("bob");
    CallEnded ended = aliceEvents.next(CallEnded.class);
    assertThat(ended.statusCode()).isEqualTo(488);
    assertThat(bob.activeCalls()).isEmpty();
  }

  /**
   * A hand-written caller offers SRTP with one suite and records what bob's phone sends: the
   * datagrams carry the suite's tag, their payloads are not the tones, and only the key from bob's
   * answer turns them back into the tones.
   */
  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void whatThePhoneSendsIsEncryptedWithTheKeyOfItsAnswer(SrtpSuite suite) throws Exception {
    bob.setCallPolicy(CallPolicy.defaults().withEncryption(MediaEncryption.REQUIRED));
    byte[] ourKey = new byte[30];
    Arrays.fill(ourKey, (byte) 7);
    try (DatagramSocket rtp =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        RawSipPeer peer = new RawSipPeer(phones.bobContact(), "sip:bob@office.example")) {
      peer.invite(
          RawSipPeer.sdp(
              rtp.getLocalPort(),
              "RTP/SAVP",
              "0",
              "rtpmap:0 PCMU/8000",
              "crypto:5 "
                  + suite.name()
                  + " inline:"
                  + Base64.getEncoder().encodeToString(ourKey)));
      bobEvents
          .next(IncomingCall.class)
          .call()
          .answer(CallMedia.of(new ToneSequence(ALICE_TONES), new RecordingSink(8000)));
      Message ok = peer.responsesUntilFinal(5_000).get(0);
      ok = ok.status() == 200 ? ok : peer.responsesUntilFinal(5_000).get(0);
      peer.ack(ok);
      assertThat(ok.body()).contains("m=audio ").contains(" RTP/SAVP 0");
      SdesCrypto answered = SdesCrypto.parse(cryptoValue(ok.body()));
      assertThat(answered.tag()).isEqualTo(5);
      assertThat(answered.suiteName()).isEqualTo(suite.name());

      List<byte[]> datagrams = RawSipPeer.receiveRtp(rtp, 100);
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      try (SrtpTransform receiver = SrtpTransform.forReceiving(suite, answered.masterKey())) {
        for (byte[] datagram : datagrams) {
          // 160 PCMU bytes for 20 ms, the 12-byte header and the suite's tag: nothing else.
          assertThat(datagram).hasSize(RTP_HEADER_BYTES + 160 + suite.rtpAuthTagLengthBytes());
          wire.write(datagram, RTP_HEADER_BYTES, 160);
          SrtpUnprotectResult result = receiver.unprotectRtp(datagram);
          assertThat(result.isAccepted()).isTrue();
          plain.write(result.packet(), RTP_HEADER_BYTES, 160);
        }
      }
      assertThat(ToneSequence.tonesIn(pcmu(plain.toByteArray()), 8000, 4))
          .containsExactly(500.0, 800.0, 1100.0, 1400.0);
      assertThat(ToneSequence.tonesIn(pcmu(wire.toByteArray()), 8000, 4))
          .isNotEqualTo(List.of(500.0, 800.0, 1100.0, 1400.0));
      peer.bye();
    }
  }

  private static String cryptoValue(String sdp) {
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith("a=crypto:")) {
        return line.substring("a=crypto:".length());
      }
    }
    throw new AssertionError("No crypto line in the answer:\n" + sdp);
  }

  private static short[] pcmu(byte[] payload) {
    AudioDecoder decoder = G711Codec.PCMU.newDecoder();
    short[] pcm = new short[payload.length];
    decoder.decode(payload, 0, payload.length, pcm);
    return pcm;
  }
}
