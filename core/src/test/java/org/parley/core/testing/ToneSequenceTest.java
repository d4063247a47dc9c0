package org.parley.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tone finders that interop and call tests rely on, on audio built by hand. */
class ToneSequenceTest {

  private static final int RATE_HZ = ToneSequence.RATE_HZ;
  private static final int SEGMENT = RATE_HZ * ToneSequence.SEGMENT_MILLIS / 1000;

  private static short[] played(double... tonesHz) {
    short[] pcm = new short[SEGMENT * tonesHz.length + RATE_HZ / 2];
    new ToneSequence(tonesHz).read(pcm);
    return pcm;
  }

  /** {@code pcm} with {@code millis} of silence inserted at {@code atSample}. */
  private static short[] withGap(short[] pcm, int atSample, int millis) {
    int gap = RATE_HZ * millis / 1000;
    short[] stretched = new short[pcm.length + gap];
    System.arraycopy(pcm, 0, stretched, 0, atSample);
    System.arraycopy(pcm, atSample, stretched, atSample + gap, pcm.length - atSample);
    return stretched;
  }

  @Test
  void runsListTheTonesInOrderAfterALeadingSilence() {
    short[] pcm = played(500, 900, 1300);
    short[] delayed = new short[pcm.length + RATE_HZ / 3];
    System.arraycopy(pcm, 0, delayed, RATE_HZ / 3, pcm.length);

    assertThat(ToneSequence.toneRunsIn(delayed, RATE_HZ)).containsExactly(500.0, 900.0, 1300.0);
  }

  @Test
  void aGapInsideATonePutsFixedOffsetsOutOfStepButNotRuns() {
    // 150 ms of silence a third into the first tone, as a stalled jitter buffer leaves it.
    short[] stretched = withGap(played(400, 1200, 800), SEGMENT / 3, 150);

    assertThat(ToneSequence.tonesIn(stretched, RATE_HZ, 3))
        .isNotEqualTo(List.of(400.0, 1200.0, 800.0));
    assertThat(ToneSequence.toneRunsIn(stretched, RATE_HZ)).containsExactly(400.0, 1200.0, 800.0);
  }

  @Test
  void aBurstShorterThanARunIsIgnoredButALongWrongToneIsReported() {
    short[] pcm = played(600, 1000);
    short[] burst = played(1500);
    short[] glitched = Arrays.copyOf(pcm, pcm.length);
    // 80 ms of another tone inside the first: shorter than a run (120 ms), so not a tone.
    System.arraycopy(burst, 0, glitched, SEGMENT / 4, RATE_HZ * 80 / 1000);
    assertThat(ToneSequence.toneRunsIn(glitched, RATE_HZ)).containsExactly(600.0, 1000.0);

    short[] wrong = played(600, 1500);
    assertThat(ToneSequence.toneRunsIn(wrong, RATE_HZ)).containsExactly(600.0, 1500.0);
  }
}
