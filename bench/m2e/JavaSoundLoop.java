// SPDX-License-Identifier: Apache-2.0
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The floor of a Java client's device path, for bench/mouth-to-ear.sh's "javasound" client: the
 * default capture line copied straight to the default playback line, 48 kHz mono 16-bit, line
 * buffers of BUFFER_MILLIS (default 100) and 20 ms reads as Parley's JavaSoundGateway uses them;
 * no codec, no network. At the end it prints how often the playback line had run dry before a
 * write (an underrun: a gap the listener hears as a crackle) and the capture line's largest
 * backlog.
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
    long[] counts = new long[3]; // writes, underruns, worst capture backlog in bytes
    // mouth-to-ear.sh stops the loop with SIGTERM once the probe is done: report then.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    System.out.printf(
                        "buffer_ms=%d capture_buffer_bytes=%d playback_buffer_bytes=%d writes=%d"
                            + " underruns=%d worst_capture_backlog_ms=%d%n",
                        bufferMillis,
                        capture.getBufferSize(),
                        playback.getBufferSize(),
                        counts[0],
                        counts[1],
                        counts[2] / 96)));
    while (System.currentTimeMillis() < endMillis) {
      int read = capture.read(frame, 0, frame.length);
      counts[2] = Math.max(counts[2], capture.available());
      // The first writes fill an empty line by design; count dry lines once it has played.
      if (counts[0] > 5 && playback.available() >= playback.getBufferSize()) {
        counts[1]++;
      }
      playback.write(frame, 0, read);
      counts[0]++;
    }
  }
}
