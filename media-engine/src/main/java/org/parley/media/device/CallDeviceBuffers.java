package org.parley.media.device;

/**
 * How much audio a call's microphone and speaker lines hold, and the thresholds that follow from
 * it: the one knob between a call's mouth-to-ear delay and its robustness on a loaded machine.
 *
 * <p>The speaker is primed with {@link #primeMillis()} of silence (the slack that absorbs the media
 * thread's scheduling hiccups), a call frame that finds more than {@link #maxQueuedMillis()} queued
 * is dropped, and capture waiting longer than {@link #maxBacklogMillis()} is dropped down to {@link
 * #KEEP_MILLIS}. At 100 ms lines these are 60, 80 and 60 ms; smaller lines shrink them alike, down
 * to one frame of priming at {@link #MIN_LINE_MILLIS}.
 *
 * @param lineMillis the size of each device line's buffer, in milliseconds
 */
public record CallDeviceBuffers(int lineMillis) {

  /**
   * The priming plus the frame being written must fit in the line, and capture's backlog limit (40
   * ms at the least: the 20 ms kept plus a frame) must be below what the line can report, or a
   * backlog the sound server holds behind the line would never be seen.
   */
  public static final int MIN_LINE_MILLIS = 60;

  /** More would only add delay: a healthy call keeps the queues near the priming. */
  public static final int MAX_LINE_MILLIS = 500;

  /** The line size the ringer and file playback use, and calls used before session 8. */
  public static final int RINGER_LINE_MILLIS = 100;

  /** What capture keeps when it drops a backlog: one 20 ms frame. */
  public static final int KEEP_MILLIS = 20;

  /** The system property that overrides {@link #DEFAULTS} on a machine that needs more slack. */
  public static final String PROPERTY = "parley.audio.call-buffer-ms";

  /**
   * 60 ms lines: the smallest that held on a loaded 2-core machine through ALSA's pulse plugin
   * without the delay creeping up (docs/benchmarks.md, "Session 8").
   */
  public static final CallDeviceBuffers DEFAULTS = new CallDeviceBuffers(60);

  private static final int HEADROOM_MILLIS = 40;
  private static final int FRAME_MILLIS = 20;

  public CallDeviceBuffers {
    if (lineMillis < MIN_LINE_MILLIS || lineMillis > MAX_LINE_MILLIS) {
      throw new IllegalArgumentException(
          "Device buffer must be "
              + MIN_LINE_MILLIS
              + ".."
              + MAX_LINE_MILLIS
              + " ms, not "
              + lineMillis);
    }
  }

  /**
   * {@link #DEFAULTS}, or the line size in the system property {@link #PROPERTY} when it is set.
   *
   * @throws IllegalArgumentException if the property is not a number within the bounds
   */
  public static CallDeviceBuffers configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULTS;
    }
    try {
      return new CallDeviceBuffers(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " must be a number of ms, not " + value, e);
    }
  }

  /** Silence written ahead of the first frame on a newly opened speaker line. */
  public int primeMillis() {
    return Math.max(FRAME_MILLIS, lineMillis - HEADROOM_MILLIS);
  }

  /** A call frame that finds more than this queued in the speaker line is dropped. */
  public int maxQueuedMillis() {
    return primeMillis() + FRAME_MILLIS;
  }

  /** Capture waiting longer than this is dropped, down to {@link #KEEP_MILLIS}. */
  public int maxBacklogMillis() {
    return Math.max(KEEP_MILLIS + FRAME_MILLIS, lineMillis - HEADROOM_MILLIS);
  }
}
