package org.parley.server.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.media.source.ToneSource;

/**
 * Mono 16-bit PCM WAV files for tests with external user agents: writes a test tone, reads a
 * recording back, and measures its level (RMS) and tone power (Goertzel).
 */
final class PcmWav {

  private static final int HEADER_BYTES = 44;

  private PcmWav() {}

  /** A recording: its samples and their rate. */
  record Recording(short[] samples, int sampleRateHz) {

    double seconds() {
      return samples.length / (double) sampleRateHz;
    }

    /** The recording without its first {@code seconds}: call set-up and jitter-buffer fill. */
    Recording skip(double seconds) {
      int from = Math.min(samples.length, (int) Math.round(seconds * sampleRateHz));
      short[] rest = new short[samples.length - from];
      System.arraycopy(samples, from, rest, 0, rest.length);
      return new Recording(rest, sampleRateHz);
    }

    /** Root mean square level, in 16-bit sample units (full-scale sine ≈ 23170). */
    double rms() {
      if (samples.length == 0) {
        return 0;
      }
      double sum = 0;
      for (short sample : samples) {
        sum += (double) sample * sample;
      }
      return Math.sqrt(sum / samples.length);
    }

    /**
     * The share (0..1) of the recording's energy at {@code frequencyHz}, by the Goertzel algorithm
     * over the whole recording: about 1 for a clean tone at that frequency, about 0 for another.
     */
    double toneShare(double frequencyHz) {
      if (samples.length == 0) {
        return 0;
      }
      double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
      double previous = 0;
      double beforePrevious = 0;
      double energy = 0;
      for (short sample : samples) {
        double current = sample + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
        energy += (double) sample * sample;
      }
      double power =
          previous * previous
              + beforePrevious * beforePrevious
              - coefficient * previous * beforePrevious;
      // A pure tone of amplitude A over N samples has Goertzel power (A*N/2)^2 and energy A^2*N/2.
      return energy == 0 ? 0 : 2 * power / (samples.length * energy);
    }

    /** The strongest frequency in {@code [fromHz, toHz]}, searched in {@code stepHz} steps. */
    double dominantFrequencyHz(double fromHz, double toHz, double stepHz) {
      double best = fromHz;
      double bestShare = -1;
      for (double frequency = fromHz; frequency <= toHz; frequency += stepHz) {
        double share = toneShare(frequency);
        if (share > bestShare) {
          bestShare = share;
          best = frequency;
        }
      }
      return best;
    }
  }

  /** Writes {@code seconds} of a sine tone as a mono 16-bit WAV file. */
  static void writeTone(
      Path file, double frequencyHz, int sampleRateHz, double amplitude, double seconds)
      throws IOException {
    short[] samples = new short[(int) Math.round(seconds * sampleRateHz)];
    new ToneSource(frequencyHz, sampleRateHz, amplitude).read(samples);
    int dataBytes = samples.length * 2;
    ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(sampleRateHz).putInt(sampleRateHz * 2).putShort((short) 2).putShort((short) 16);
    wav.put(ascii("data")).putInt(dataBytes);
    for (short sample : samples) {
      wav.putShort(sample);
    }
    Files.write(file, wav.array());
  }

  /**
   * Reads a mono 16-bit PCM WAV file, walking its chunks (writers such as libsndfile may add chunks
   * besides {@code fmt } and {@code data}).
   */
  static Recording read(Path file) throws IOException {
    ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.remaining() < 12 || !chunkId(wav).equals("RIFF")) {
      throw new IOException(file + " is not a RIFF file");
    }
    wav.getInt();
    if (!chunkId(wav).equals("WAVE")) {
      throw new IOException(file + " is not a WAVE file");
    }
    int sampleRateHz = 0;
    while (wav.remaining() >= 8) {
      String id = chunkId(wav);
      int size = wav.getInt();
      int start = wav.position();
      if (id.equals("fmt ")) {
        short format = wav.getShort();
        short channels = wav.getShort();
        sampleRateHz = wav.getInt();
        wav.getInt();
        wav.getShort();
        short bits = wav.getShort();
        if (format != 1 || channels != 1 || bits != 16) {
          throw new IOException(
              file
                  + ": need mono 16-bit PCM, got format "
                  + format
                  + ", "
                  + channels
                  + " ch, "
                  + bits
                  + " bit");
        }
      } else if (id.equals("data")) {
        if (sampleRateHz == 0) {
          throw new IOException(file + ": data chunk before fmt chunk");
        }
        // A writer killed before closing leaves the size unset: take what is there.
        int bytes = size <= 0 || size > wav.remaining() ? wav.remaining() : size;
        short[] samples = new short[bytes / 2];
        wav.asShortBuffer().get(samples);
        return new Recording(samples, sampleRateHz);
      }
      wav.position(Math.min(wav.limit(), start + size + (size & 1)));
    }
    throw new IOException(file + " has no data chunk");
  }

  private static String chunkId(ByteBuffer wav) {
    byte[] id = new byte[4];
    wav.get(id);
    return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
