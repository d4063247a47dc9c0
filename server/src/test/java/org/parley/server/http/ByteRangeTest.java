package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void closedRangeIsClippedToTheEnd() throws Exception {
    assertThat(ByteRange.parse("bytes=4-99", 1000)).contains(new ByteRange(4, 99));
    assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
  }

  @Test
  void openAndSuffixRanges() throws Exception {
    assertThat(ByteRange.parse("bytes=10-", 100)).contains(new ByteRange(10, 99));
    assertThat(ByteRange.parse("bytes=-30", 100)).contains(new ByteRange(70, 99));
    assertThat(ByteRange.parse("bytes=-300", 100)).contains(new ByteRange(0, 99));
    assertThat(new ByteRange(70, 99).contentRange(100)).isEqualTo("bytes 70-99/100");
    assertThat(new ByteRange(70, 99).length()).isEqualTo(30);
  }

  @Test
  void rangesThatSelectNothingAreUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void headersWeDoNotServeAreIgnored() throws Exception {
    assertThat(ByteRange.parse(null, 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=9-3", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isEmpty();
  }
}
