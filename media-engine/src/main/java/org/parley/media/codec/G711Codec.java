package org.parley.media.codec;

/** PCMU and PCMA (RFC 3551): 8 kHz mono, one byte per sample, static payload types 0 and 8. */
public enum G711Codec implements AudioCodec {
  PCMU(0) {
    @Override
    byte encode(short sample) {
      return G711.linearToUlaw(sample);
    }

    @Override
    short decode(byte value) {
      return G711.ulawToLinear(value);
    }
  },
  PCMA(8) {
    @Override
    byte encode(short sample) {
      return G711.linearToAlaw(sample);
    }

    @Override
    short decode(byte value) {
      return G711.alawToLinear(value);
    }
  };

  private static final int RATE_HZ = 8000;

  private final int payloadType;

  G711Codec(int payloadType) {
    this.payloadType = payloadType;
  }

  abstract byte encode(short sample);

  abstract short decode(byte value);

  @Override
  public String encodingName() {
    return name();
  }

  @Override
  public int staticPayloadType() {
    return payloadType;
  }

  @Override
  public int clockRateHz() {
    return RATE_HZ;
  }

  @Override
  public int sampleRateHz() {
    return RATE_HZ;
  }

  @Override
  public int channels() {
    return 1;
  }

  @Override
  public AudioEncoder newEncoder() {
    return (pcm, offset, sampleCount, payload) -> {
      for (int i = 0; i < sampleCount; i++) {
        payload[i] = encode(pcm[offset + i]);
      }
      return sampleCount;
    };
  }

  /** A decoder that conceals lost packets by waveform repetition ({@link G711Plc}). */
  @Override
  public AudioDecoder newDecoder() {
    return new Decoder(this);
  }

  /** One stream's G.711 decoder with its concealment history. */
  private static final class Decoder implements AudioDecoder {
    private final G711Codec law;
    private final G711Plc plc = new G711Plc();

    Decoder(G711Codec law) {
      this.law = law;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm) {
      for (int i = 0; i < length; i++) {
        pcm[i] = law.decode(payload[offset + i]);
      }
      plc.decoded(pcm, length);
      return length;
    }

    @Override
    public int conceal(short[] pcm, int sampleCount) {
      plc.conceal(pcm, sampleCount);
      return sampleCount;
    }
  }
}
