package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.media.rtp.RtpFormatException;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketParser;
import org.parley.media.rtp.RtpPacketWriter;
import org.parley.media.sdp.SdpParseException;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.srtp.SrtpMasterKey;
import org.parley.media.srtp.SrtpSuite;
import org.parley.media.srtp.SrtpTransform;
import org.parley.media.srtp.SrtpUnprotectResult;

/**
 * Per-packet parsing and protection: RTP read and write, SRTP protect and unprotect, an SDP offer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketBenchmark {

  private static final String OFFER =
      "v=0\r\n"
          + "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n"
          + "s=-\r\n"
          + "c=IN IP4 192.0.2.10\r\n"
          + "t=0 0\r\n"
          + "m=audio 49170 RTP/SAVP 111 9 0 8 101\r\n"
          + "a=rtpmap:111 opus/48000/2\r\n"
          + "a=fmtp:111 useinbandfec=1;usedtx=1;maxaveragebitrate=32000\r\n"
          + "a=rtpmap:9 G722/8000\r\n"
          + "a=rtpmap:0 PCMU/8000\r\n"
          + "a=rtpmap:8 PCMA/8000\r\n"
          + "a=rtpmap:101 telephone-event/8000\r\n"
          + "a=fmtp:101 0-16\r\n"
          + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n"
          + "a=ptime:20\r\n"
          + "a=sendrecv\r\n"
          + "a=rtcp-mux\r\n";

  private byte[] rtp;
  private RtpPacket packet;
  private byte[] offer;
  private SrtpTransform sender;
  private SrtpTransform receiver;
  private int sequence;

  @Setup(Level.Trial)
  public void prepare() {
    packet = RtpPacket.of(0, false, 1, 160, 0x1234_5678L, new byte[160]);
    rtp = RtpPacketWriter.write(packet);
    offer = OFFER.getBytes(StandardCharsets.US_ASCII);
    byte[] keySalt = new byte[30];
    for (int i = 0; i < keySalt.length; i++) {
      keySalt[i] = (byte) (i * 7 + 3);
    }
    SrtpMasterKey key = SrtpMasterKey.fromKeySalt(keySalt);
    sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
    receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
  }

  @TearDown(Level.Trial)
  public void close() {
    sender.close();
    receiver.close();
  }

  @Benchmark
  public RtpPacket parseRtp() throws RtpFormatException {
    return RtpPacketParser.parse(rtp);
  }

  @Benchmark
  public byte[] writeRtp() {
    return RtpPacketWriter.write(packet);
  }

  @Benchmark
  public SessionDescription parseSdpOffer() throws SdpParseException {
    return SdpParser.parse(offer);
  }

  /** Each round protects a new packet (SRTP refuses replays) and unprotects it again. */
  @Benchmark
  public SrtpUnprotectResult protectAndUnprotectRtp() {
    sequence = (sequence + 1) & 0xFFFF;
    byte[] plain =
        RtpPacketWriter.write(
            RtpPacket.of(0, false, sequence, 160L * sequence, 0x1234_5678L, packet.payload()));
    return receiver.unprotectRtp(sender.protectRtp(plain));
  }
}
