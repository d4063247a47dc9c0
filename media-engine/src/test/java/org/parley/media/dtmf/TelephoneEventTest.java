package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneEventTest {

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // payload,  event, end,  volume, duration
    "050a00a0,   5,     false, 10,     160", // digit 5, -10 dBm0, 20 ms at 8 kHz
    "0b8a0320,   11,    true,  10,     800", // '#' ended after 100 ms
    "0fbfffff,   15,    true,  63,     65535", // 'D', quietest, longest
    "00000000,   0,     false, 0,      0"
  })
  void payloadFixturesDecodeAndEncodeBack(
      String payload, int event, boolean end, int volume, int duration) {
    TelephoneEvent expected = new TelephoneEvent(event, end, volume, duration);

    assertThat(TelephoneEvent.decode(hex(payload), 0, 4)).containsExactly(expected);
    assertThat(expected.encode()).isEqualTo(hex(payload));
  }

  @Test
  void theReservedBitIsIgnoredOnReceiveAndZeroOnSend() {
    TelephoneEvent event = TelephoneEvent.decode(hex("014a0140"), 0, 4).get(0);

    assertThat(event).isEqualTo(new TelephoneEvent(1, false, 10, 320));
    assertThat(event.encode()).isEqualTo(hex("010a0140"));
  }

  @Test
  void severalEventsInOnePayloadDecodeInOrder() {
    List<TelephoneEvent> events = TelephoneEvent.decode(hex("ff01018a0320010a0140"), 2, 8);

    assertThat(events)
        .containsExactly(
            new TelephoneEvent(1, true, 10, 800), new TelephoneEvent(1, false, 10, 320));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 3, 5, 7})
  void payloadsThatAreNotWholeEventsAreRejected(int length) {
    assertThatThrownBy(() -> TelephoneEvent.decode(new byte[8], 0, length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4")
        .hasMessageContaining(String.valueOf(length));
  }

  @ParameterizedTest(name = "''{0}'' is event {1}")
  @CsvSource({"0, 0", "9, 9", "*, 10", "#, 11", "A, 12", "d, 15"})
  void dtmfDigitsMapToTheirEventCodes(char digit, int code) {
    assertThat(TelephoneEvent.codeOf(digit)).isEqualTo(code);
    assertThat(new TelephoneEvent(code, false, 0, 0).digit())
        .isEqualTo(Character.toUpperCase(digit));
  }

  @Test
  void outOfRangeFieldsAndNonDigitsAreRejected() {
    assertThatThrownBy(() -> TelephoneEvent.codeOf('x'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TelephoneEvent(1, false, 64, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TelephoneEvent(1, false, 0, 65536))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TelephoneEvent(16, false, 0, 0).digit())
        .isInstanceOf(IllegalStateException.class);
  }
}
