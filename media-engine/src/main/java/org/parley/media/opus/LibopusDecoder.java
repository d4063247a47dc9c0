package org.parley.media.opus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Objects;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.CodecException;
import org.parley.media.codec.OpusLbrr;
import org.parley.media.codec.OpusToc;

/**
 * Opus decoder on the system libopus giving 48 kHz PCM, interleaved when stereo, with libopus's
 * loss concealment and its in-band FEC (RFC 6716 LBRR frames, RFC 7587 {@code useinbandfec}).
 *
 * <p>FEC is reported honestly: asked for FEC from a packet without LBRR data, libopus runs its PLC
 * and returns a full frame all the same. {@link #decodeFec} therefore first reads the next packet's
 * SILK header ({@link OpusLbrr}) and returns 0 when there is nothing to recover, so the caller
 * conceals and counts concealment. One instance serves one stream; methods are synchronized so that
 * {@link #close} never frees the native state under a running call.
 */
public final class LibopusDecoder implements AudioDecoder, AutoCloseable {

  /** Sample rate of the decoded PCM; Opus's RTP clock runs at the same rate (RFC 7587 §4.1). */
  public static final int RATE_HZ = 48_000;

  /** 120 ms: the longest an Opus packet may last (RFC 6716 §3.2.5). */
  static final int MAX_PACKET_SAMPLES_PER_CHANNEL = 5_760;

  private static final Cleaner CLEANER = Cleaner.create();

  private final NativeState natives;
  private final Cleaner.Cleanable cleanable;
  private final int channels;
  private byte lastToc;
  private boolean decodedAny;
  private boolean closed;

  LibopusDecoder(LibopusApi api, int channels) {
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("Opus decodes 1 or 2 channels, not " + channels);
    }
    this.natives = new NativeState(api, channels);
    this.cleanable = CLEANER.register(this, natives);
    this.channels = channels;
  }

  /** PCM channels of the output: 1, or 2 interleaved. */
  public int channels() {
    return channels;
  }

  /**
   * Decodes one RTP payload; a 1-byte DTX payload comes back as concealment of its duration.
   *
   * @return interleaved samples written to {@code pcm}
   * @throws CodecException if the payload is not a valid Opus packet, or longer than {@code pcm}
   *     holds; the decoder stays usable
   */
  @Override
  public synchronized int decode(byte[] payload, int offset, int length, short[] pcm) {
    requireOpen();
    if (length <= 0) {
      throw new CodecException("Empty Opus payload");
    }
    Objects.checkFromIndexSize(offset, length, payload.length);
    int room = Math.min(MAX_PACKET_SAMPLES_PER_CHANNEL, pcm.length / channels);
    int perChannel =
        OpusErrors.check(
            natives.decode(payload, offset, length, room, false),
            "Decoding a " + length + "-byte Opus payload");
    int count = perChannel * channels;
    natives.pcm.read(0, pcm, 0, count);
    lastToc = payload[offset];
    decodedAny = true;
    return count;
  }

  /**
   * Conceals {@code sampleCount} lost samples (interleaved) with libopus's PLC, one frame of the
   * last packet's duration at a time, as libopus wants to be called; silence before the first
   * packet, which has nothing to go on.
   */
  @Override
  public synchronized int conceal(short[] pcm, int sampleCount) {
    requireOpen();
    if (!decodedAny) {
      Arrays.fill(pcm, 0, sampleCount, (short) 0);
      return sampleCount;
    }
    int frame = OpusToc.samplesPerFrame(lastToc, RATE_HZ);
    int written = 0;
    while (written < sampleCount) {
      int produced =
          channels
              * OpusErrors.check(natives.decode(null, 0, 0, frame, false), "Concealing a frame");
      if (produced <= 0) {
        break;
      }
      int used = Math.min(produced, sampleCount - written);
      natives.pcm.read(0, pcm, written, used);
      written += used;
    }
    Arrays.fill(pcm, written, sampleCount, (short) 0);
    return sampleCount;
  }

  /**
   * Rebuilds the lost packet before {@code nextPayload} from the LBRR data that packet carries.
   *
   * <p>Returns 0, writing nothing, when there is nothing to rebuild from: the next packet is DTX,
   * CELT-only or has no LBRR flag; the decoder last ran in CELT-only mode (libopus cannot switch to
   * SILK redundancy from there); or {@code sampleCount} is not exactly the next packet's frame
   * duration (libopus recovers only the frame just before that packet; longer gaps are concealed
   * first). A malformed next payload also gives 0 rather than an exception: decoding that same
   * payload in turn reports it, and the caller would otherwise be stuck on the gap.
   *
   * @param sampleCount interleaved samples missing just before the next packet
   * @return interleaved samples recovered into {@code pcm}: {@code sampleCount} or 0
   */
  @Override
  public synchronized int decodeFec(
      byte[] nextPayload, int offset, int length, short[] pcm, int sampleCount) {
    requireOpen();
    if (OpusToc.isDtx(length) || offset < 0 || offset + length > nextPayload.length) {
      return 0;
    }
    byte toc = nextPayload[offset];
    int frame = OpusToc.samplesPerFrame(toc, RATE_HZ);
    if (sampleCount != frame * channels
        || sampleCount > pcm.length
        || decodedAny && OpusToc.mode(lastToc) == OpusToc.Mode.CELT
        || !OpusLbrr.hasLbrr(nextPayload, offset, length)) {
      return 0;
    }
    int perChannel = natives.decode(nextPayload, offset, length, frame, true);
    if (perChannel != frame) {
      return 0;
    }
    natives.pcm.read(0, pcm, 0, sampleCount);
    lastToc = toc;
    decodedAny = true;
    return sampleCount;
  }

  /** Frees the native decoder; later calls throw {@link IllegalStateException}. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    cleanable.clean();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Decoder is closed");
    }
  }

  /**
   * The native decoder and its two buffers. Kept apart from the decoder object so that the {@link
   * Cleaner} can free them if a caller forgets {@link #close}, without holding the decoder alive.
   */
  private static final class NativeState implements Runnable {
    private final LibopusApi api;
    private final Pointer decoder;
    private final Memory pcm;
    private Memory input = new Memory(1_500);

    NativeState(LibopusApi api, int channels) {
      IntByReference error = new IntByReference();
      Pointer created = api.opus_decoder_create(RATE_HZ, channels, error);
      if (created == null || error.getValue() != 0) {
        throw new CodecException(
            "Creating a libopus decoder failed: " + OpusErrors.describe(error.getValue()));
      }
      this.api = api;
      this.decoder = created;
      this.pcm = new Memory((long) MAX_PACKET_SAMPLES_PER_CHANNEL * channels * Short.BYTES);
    }

    /** opus_decode into {@link #pcm}; {@code payload} null asks for concealment. */
    int decode(byte[] payload, int offset, int length, int frameSamplesPerChannel, boolean fec) {
      Pointer data = null;
      if (payload != null) {
        if (input.size() < length) {
          input.close();
          input = new Memory(length);
        }
        input.write(0, payload, offset, length);
        data = input;
      }
      return api.opus_decode(decoder, data, length, pcm, frameSamplesPerChannel, fec ? 1 : 0);
    }

    @Override
    public void run() {
      // Cleaner runs this at most once, from close() or after the decoder became unreachable.
      api.opus_decoder_destroy(decoder);
      pcm.close();
      input.close();
    }
  }
}
