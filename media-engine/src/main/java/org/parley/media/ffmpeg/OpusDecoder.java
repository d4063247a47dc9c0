package org.parley.media.ffmpeg;

import java.util.Arrays;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.CodecException;
import org.parley.media.codec.OpusToc;

/**
 * Opus decoder (libopus through FFmpeg) giving 48 kHz PCM, interleaved when stereo, with libopus's
 * own packet loss concealment.
 *
 * <p>Concealment: FFmpeg rejects an empty packet (it means "drain"), but libopus treats a packet
 * whose single frame has zero bytes as a lost frame (RFC 6716 §3.2.1). So {@link #conceal} feeds
 * the last packet's table-of-contents byte alone, and libopus extrapolates the signal (SILK pitch
 * and LPC, CELT spectral folding), fading out over consecutive losses.
 *
 * <p>FEC: not reachable through FFmpeg 8.0. Its libopus wrapper always calls {@code
 * opus_multistream_decode} with {@code decode_fec=0}, and its native Opus decoder parses LBRR
 * frames but skips their synthesis. {@link #decodeFec} therefore returns 0, and the caller conceals
 * instead. It is the fallback where the system libopus is missing; {@code
 * org.parley.media.opus.LibopusDecoder} decodes FEC (ADR 0032).
 */
public final class OpusDecoder implements AudioDecoder, AutoCloseable {

  private final AvAudioDecoder decoder;
  private final int channels;
  private byte lastToc;
  private boolean decodedAny;
  private short[] scratch = new short[0];

  OpusDecoder(int channels) {
    this.decoder = new AvAudioDecoder("libopus", OpusCodec.RATE_HZ, channels);
    this.channels = channels;
  }

  /**
   * Decodes one RTP payload; a 1-byte DTX payload comes back as concealment of its duration.
   *
   * @throws CodecException if the payload is not a valid Opus packet; the decoder stays usable
   */
  @Override
  public int decode(byte[] payload, int offset, int length, short[] pcm) {
    int count = decoder.decode(payload, offset, length, pcm);
    lastToc = payload[offset];
    decodedAny = true;
    return count;
  }

  /**
   * Conceals {@code sampleCount} lost samples (interleaved) with libopus's PLC, one frame of the
   * last packet's duration at a time; silence before the first packet, which has nothing to go on.
   */
  @Override
  public int conceal(short[] pcm, int sampleCount) {
    if (!decodedAny) {
      Arrays.fill(pcm, 0, sampleCount, (short) 0);
      return sampleCount;
    }
    byte[] lost = OpusToc.lostFramePacket(lastToc);
    int frameSamples = OpusToc.samplesPerFrame(lastToc, OpusCodec.RATE_HZ) * channels;
    if (scratch.length < frameSamples) {
      scratch = new short[frameSamples];
    }
    int written = 0;
    while (written < sampleCount) {
      int produced = decoder.decode(lost, 0, lost.length, scratch);
      if (produced <= 0) {
        break;
      }
      int used = Math.min(produced, sampleCount - written);
      System.arraycopy(scratch, 0, pcm, written, used);
      written += used;
    }
    Arrays.fill(pcm, written, sampleCount, (short) 0);
    return sampleCount;
  }

  /**
   * Always 0: FFmpeg gives no way to decode the LBRR data of the next packet (see the class
   * comment), so nothing is recovered and the caller should {@link #conceal} instead.
   */
  @Override
  public int decodeFec(byte[] nextPayload, int offset, int length, short[] pcm, int sampleCount) {
    return 0;
  }

  @Override
  public void close() {
    decoder.close();
  }
}
