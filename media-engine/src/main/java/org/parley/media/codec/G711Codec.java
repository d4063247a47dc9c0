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

  @Override
  public AudioDecoder newDecoder() {
    return (payload, offset, length, pcm) -> {
      for (int i = 0; i < length; i++) {
        pcm[i] = decode(payload[offset + i]);
      }
      return length;
    };
  }
}
