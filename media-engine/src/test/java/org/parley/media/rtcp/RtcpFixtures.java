package org.parley.media.rtcp;

/** Annotated compound RTCP datagrams for the parser and writer tests. */
final class RtcpFixtures {

  private RtcpFixtures() {}

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** SR (52 bytes) + SDES CNAME (24 bytes) + BYE with a reason (12 bytes): 88 bytes. */
  static final byte[] SR_SDES_BYE =
      bytes(
          // SR: V=2 P=0 RC=1, PT=200, length 12 words (52 bytes)
          0x81,
          0xC8,
          0x00,
          0x0C,
          0x11,
          0x22,
          0x33,
          0x44, // sender SSRC
          0xE1,
          0xB2,
          0xC3,
          0xD4,
          0x80,
          0x00,
          0x00,
          0x00, // NTP: seconds, fraction 0.5
          0x00,
          0x00,
          0x03,
          0xE8, // RTP timestamp 1000
          0x00,
          0x00,
          0x00,
          0x64, // packet count 100
          0x00,
          0x00,
          0x3E,
          0x80, // octet count 16000
          // report block
          0x55,
          0x66,
          0x77,
          0x88, // SSRC of source
          0x40,
          0xFF,
          0xFF,
          0xFE, // fraction lost 64/256, cumulative lost -2
          0x00,
          0x01,
          0x00,
          0x10, // extended highest sequence: 1 cycle, seq 16
          0x00,
          0x00,
          0x00,
          0x20, // jitter 32
          0xB7,
          0x05,
          0x20,
          0x00, // LSR
          0x00,
          0x05,
          0x40,
          0x00, // DLSR 5.25 s
          // SDES: V=2 P=0 SC=1, PT=202, length 5 words (24 bytes)
          0x81,
          0xCA,
          0x00,
          0x05,
          0x11,
          0x22,
          0x33,
          0x44, // chunk SSRC
          0x01,
          0x0A,
          'a',
          'l',
          'i',
          'c',
          'e',
          '@',
          'h',
          'o',
          's',
          't', // CNAME, 10 bytes
          0x00,
          0x00,
          0x00,
          0x00, // end item + padding to 32 bits
          // BYE: V=2 P=0 SC=1, PT=203, length 2 words (12 bytes)
          0x81,
          0xCB,
          0x00,
          0x02,
          0x11,
          0x22,
          0x33,
          0x44, // leaving SSRC
          0x03,
          'b',
          'y',
          'e'); // reason length 3, "bye"

  /** RR with RC=2 whose length (7 words, 32 bytes) holds only one of the two blocks. */
  static final byte[] RR_TRUNCATED_BLOCKS =
      bytes(
          0x82, 0xC9, 0x00, 0x07, // V=2 RC=2, PT=201, length 7 words (32 bytes)
          0x00, 0x00, 0x00, 0x01, // reporter SSRC
          0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, // block 1 ...
          0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
          0x00); // ... only 24 bytes of 48

  /** An empty RR (8 bytes) followed by an APP packet (12 bytes) the parser keeps raw. */
  static final byte[] RR_APP =
      bytes(
          0x80, 0xC9, 0x00, 0x01, // RR, RC=0, length 1 word
          0x00, 0x00, 0x00, 0x07, // reporter SSRC 7
          0x83, 0xCC, 0x00, 0x02, // APP, subtype 3, length 2 words
          0x00, 0x00, 0x00, 0x07, // SSRC
          'P', 'R', 'L', 'Y'); // name
}
