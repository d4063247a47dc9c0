package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;

class DefaultCodecsTest {

  @Test
  void defaultPolicyLeavesTheCodecListUnmade() {
    assertThat(CallPolicy.defaults().codecs()).isSameAs(DefaultCodecs.shared());
    assertThat(CallPolicy.defaults().withEncryption(MediaEncryption.OPTIONAL).codecs())
        .isSameAs(DefaultCodecs.shared());
  }

  @Test
  void aPolicyIsMadeWithoutMakingTheList() {
    AtomicInteger made = new AtomicInteger();
    DefaultCodecs codecs = new DefaultCodecs(counting(made));

    new CallPolicy(
        MediaEncryption.NONE, codecs, SessionTimerSettings.DEFAULT, TransferConsent.FOLLOW);

    assertThat(made).hasValue(0);
    assertThat(codecs.isMade()).isFalse();
  }

  @Test
  void theFirstReadMakesTheListOnceForAllThreads() throws Exception {
    AtomicInteger made = new AtomicInteger();
    DefaultCodecs codecs = new DefaultCodecs(counting(made));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> reads =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            go.await();
                            return codecs.get(0).encodingName();
                          }))
              .toList();
      go.countDown();
      for (Future<String> read : reads) {
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("PCMU");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasValue(1);
    assertThat(codecs).containsExactly(G711Codec.PCMU, G711Codec.PCMA);
  }

  @Test
  void anEmptyDefaultListIsAnError() {
    DefaultCodecs codecs = new DefaultCodecs(List::of);

    assertThatThrownBy(codecs::size).isInstanceOf(IllegalStateException.class);
  }

  private static Supplier<List<AudioCodec>> counting(AtomicInteger made) {
    return () -> {
      made.incrementAndGet();
      return List.of(G711Codec.PCMU, G711Codec.PCMA);
    };
  }
}
