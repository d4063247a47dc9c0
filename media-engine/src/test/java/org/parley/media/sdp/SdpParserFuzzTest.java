package org.parley.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mutations of valid descriptions: the parser either returns a description or throws {@link
 * SdpParseException}, never anything else; and whatever it accepts formats to text that parses back
 * equal. Seeds are fixed, so a failure reproduces.
 */
class SdpParserFuzzTest {

  private static final int MUTATIONS_PER_FIXTURE = 4000;
  private static final String PALETTE = " \r\n\0\t:=/-0123456789amcvostbz*\u00e9\u20ac\ud83d";

  static Stream<String> fixtures() {
    return SdpFixtures.ALL.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mutatedTextOnlyEverFailsWithSdpParseException(String fixtureName) {
    String fixture = SdpFixtures.ALL.get(fixtureName);
    Random random = new Random(fixtureName.hashCode());
    int accepted = 0;
    for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
      String mutated = mutate(fixture, random);
      if (parsesAndRoundTrips(mutated)) {
        accepted++;
      }
    }
    // Some mutations must survive, or the test would only be exercising the first checks.
    assertThat(accepted).isPositive();
  }

  @Test
  void randomBytesOnlyEverFailWithSdpParseException() {
    Random random = new Random(20240611);
    for (int i = 0; i < 2000; i++) {
      byte[] body = new byte[random.nextInt(300)];
      random.nextBytes(body);
      if (random.nextBoolean() && body.length > 4) {
        // Start like SDP so the parser gets past the first line more often.
        System.arraycopy(
            "v=0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, body, 0, 4);
      }
      try {
        SdpParser.parse(body);
      } catch (SdpParseException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException e) {
        fail("unexpected exception for bytes " + Arrays.toString(body), e);
      }
    }
  }

  private static boolean parsesAndRoundTrips(String text) {
    SessionDescription parsed;
    try {
      parsed = SdpParser.parse(text);
    } catch (SdpParseException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return false;
    } catch (RuntimeException e) {
      return fail("unexpected exception for input:%n%s", printable(text), e);
    }
    try {
      assertThat(SdpParser.parse(parsed.format())).isEqualTo(parsed);
    } catch (SdpParseException | RuntimeException e) {
      return fail("formatted text does not parse back for input:%n%s", printable(text), e);
    }
    return true;
  }

  private static String mutate(String text, Random random) {
    String result = text;
    int operations = 1 + random.nextInt(3);
    for (int i = 0; i < operations; i++) {
      result = mutateOnce(result, random);
    }
    return result;
  }

  private static String mutateOnce(String text, Random random) {
    if (text.isEmpty()) {
      return String.valueOf(randomChar(random));
    }
    int at = random.nextInt(text.length());
    switch (random.nextInt(7)) {
      case 0:
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
      case 1:
        return text.substring(0, at) + randomChar(random) + text.substring(at);
      case 2:
        return text.substring(0, at) + randomChar(random) + text.substring(at + 1);
      case 3:
        return text.substring(0, at);
      case 4:
        return mutateLines(text, random, true);
      case 5:
        return mutateLines(text, random, false);
      default:
        int end = Math.min(text.length(), at + 1 + random.nextInt(20));
        return text.substring(0, at) + text.substring(end);
    }
  }

  /** Duplicates a line, or swaps two. */
  private static String mutateLines(String text, Random random, boolean duplicate) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    if (duplicate) {
      lines.add(b, lines.get(a));
    } else {
      String line = lines.get(a);
      lines.set(a, lines.get(b));
      lines.set(b, line);
    }
    return String.join("\r\n", lines);
  }

  private static char randomChar(Random random) {
    return random.nextInt(4) == 0
        ? (char) random.nextInt(0x10000)
        : PALETTE.charAt(random.nextInt(PALETTE.length()));
  }

  private static String printable(String text) {
    return text.replace("\r", "<CR>").replace("\0", "<NUL>");
  }
}
