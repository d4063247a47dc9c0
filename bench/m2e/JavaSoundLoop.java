// SPDX-License-Identifier: Apache-2.0
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The floor of a Java client's device path, for bench/mouth-to-ear.sh's "javasound" client: the
 * default capture line copied straight to the default playback line, 48 kHz mono 16-bit, 100 ms
 * line buffers and 20 ms reads as Parley's JavaSoundGateway uses them; no codec, no network.
 *
 * <p>java bench/m2e/JavaSoundLoop.java SECONDS [BUFFER_MILLIS]
 */
public final class JavaSoundLoop {
  public static void main(String[] args) throws Exception {
    AudioFormat format = new AudioFormat(48_000, 16, 1, true, false);
    int bufferMillis = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int bufferBytes = 48_000 * 2 * bufferMillis / 1000;
    TargetDataLine capture = AudioSystem.getTargetDataLine(format);
    capture.open(format, bufferBytes);
    SourceDataLine playback = AudioSystem.getSourceDataLine(format);
    playback.open(format, bufferBytes);
    capture.start();
    playback.start();
    byte[] frame = new byte[48_000 * 2 / 50];
    long endMillis = System.currentTimeMillis() + Long.parseLong(args[0]) * 1000;
    while (System.currentTimeMillis() < endMillis) {
      int read = capture.read(frame, 0, frame.length);
      playback.write(frame, 0, read);
    }
  }
}
