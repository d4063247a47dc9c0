package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.G711Codec;

class SharedMediaTest {

  private final CountingSource source = new CountingSource();
  private final KeepingSink sink = new KeepingSink();
  private final SharedMedia shared =
      new SharedMedia(new CallMedia(source, sink, List.of(G711Codec.PCMU), false));

  @Test
  void onlyTheHolderReadsTheSourceAndPlaysToTheSink() {
    SharedMedia.Lease first = shared.lease();
    SharedMedia.Lease second = shared.lease();
    short[] frame = new short[4];

    first.media().source().read(frame);
    assertThat(frame).containsExactly(1, 2, 3, 4);
    second.media().source().read(frame);
    assertThat(frame).containsOnly((short) 0);
    second.media().sink().write(new short[] {9, 9}, 2);
    assertThat(sink.samples).isEmpty();

    shared.handTo(second);
    second.media().source().read(frame);
    assertThat(frame).containsExactly(5, 6, 7, 8);
    first.media().source().read(frame);
    assertThat(frame).containsOnly((short) 0);
    second.media().sink().write(new short[] {7, 8, 9}, 2);
    first.media().sink().write(new short[] {1}, 1);
    assertThat(sink.samples).containsExactly((short) 7, (short) 8);
  }

  @Test
  void theRealSourceAndSinkCloseOnlyOnceEveryLeaseIsClosed() {
    SharedMedia.Lease first = shared.lease();
    SharedMedia.Lease second = shared.lease();
    shared.handTo(second);

    first.media().source().close();
    first.media().sink().close();
    assertThat(source.closed).isFalse();
    assertThat(sink.closed).isFalse();

    second.media().source().close();
    assertThat(source.closed).isFalse(); // the lease's sink is still open
    second.media().sink().close();
    assertThat(source.closed).isTrue();
    assertThat(sink.closed).isTrue();
  }

  @Test
  void aLeaseKeepsTheCodecsAndOfferMode() {
    SharedMedia.Lease lease = shared.lease();

    assertThat(lease.media().codecs()).containsExactly(G711Codec.PCMU);
    assertThat(lease.media().lateOffer()).isFalse();
    assertThat(lease.media().source().sampleRateHz()).isEqualTo(8000);
    assertThat(shared.heldBy(lease)).isTrue();
  }

  private static final class CountingSource implements AudioSource {
    private short next = 1;
    private boolean closed;

    @Override
    public int sampleRateHz() {
      return 8000;
    }

    @Override
    public int read(short[] frame) {
      for (int i = 0; i < frame.length; i++) {
        frame[i] = next++;
      }
      return frame.length;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class KeepingSink implements AudioSink {
    private final List<Short> samples = new ArrayList<>();
    private boolean closed;

    @Override
    public int sampleRateHz() {
      return 8000;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      for (int i = 0; i < sampleCount; i++) {
        samples.add(frame[i]);
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
