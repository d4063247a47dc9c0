package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.media.rtcp.RtcpFormatException;
import org.parley.media.rtcp.RtcpParser;

/** Mutated fixtures never make the parsers fail with anything but their format exception. */
class WireFormatFuzzTest {

  static final int ROUNDS = 20_000;

  static byte[] mutate(byte[] fixture, Random random) {
    byte[] data = Arrays.copyOf(fixture, random.nextInt(fixture.length + 8));
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && data.length > 0; i++) {
      data[random.nextInt(data.length)] = (byte) random.nextInt(256);
    }
    return data;
  }

  @Test
  void rtpParserOnlyEverThrowsRtpFormatException() {
    Random random = new Random(3550);
    byte[][] fixtures = {
      RtpPacketParserTest.SIMPLE, RtpPacketParserTest.CSRC_AND_EXTENSION, RtpPacketParserTest.PADDED
    };
    int rejected = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try {
        RtpPacketParser.parse(mutate(fixtures[round % fixtures.length], random));
      } catch (RtpFormatException e) {
        rejected++;
      }
    }
    assertThat(rejected).isBetween(1, ROUNDS - 1);
  }

  @Test
  void rtcpParserOnlyEverThrowsRtcpFormatException() {
    Random random = new Random(5761);
    byte[] fixture = {
      (byte) 0x81,
      (byte) 0xC9,
      0,
      7,
      0,
      0,
      0,
      1, // RR with one block
      0,
      0,
      0,
      2,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      (byte) 0x81,
      (byte) 0xCA,
      0,
      2,
      0,
      0,
      0,
      1,
      1,
      1,
      'x',
      0, // SDES CNAME "x"
      (byte) 0x81,
      (byte) 0xCB,
      0,
      1,
      0,
      0,
      0,
      1 // BYE
    };
    int rejected = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try {
        RtcpParser.parseCompound(mutate(fixture, random));
      } catch (RtcpFormatException e) {
        rejected++;
      }
    }
    assertThat(rejected).isBetween(1, ROUNDS - 1);
  }
}
