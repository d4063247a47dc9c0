package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UdpBufferCheckTest {

  private static final int ASKED = 4 << 20;

  @Test
  void noWarningWhenTheKernelGrantedWhatWasAsked() {
    UdpBufferCheck.Sizes granted = new UdpBufferCheck.Sizes(ASKED, ASKED);

    assertThat(
            UdpBufferCheck.shortfall(
                ASKED, granted, Optional.of(new UdpBufferCheck.Sizes(ASKED, ASKED))))
        .isEmpty();
  }

  @Test
  void linuxDefaultLimitIsReportedWithTheSysctlThatRaisesIt() {
    // net.core.rmem_max = 212992: the kernel grants that, and the JDK reports it.
    UdpBufferCheck.Sizes granted = new UdpBufferCheck.Sizes(212_992, 212_992);

    Optional<String> warning =
        UdpBufferCheck.shortfall(
            ASKED, granted, Optional.of(new UdpBufferCheck.Sizes(212_992, 212_992)));

    assertThat(warning)
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .contains("receive and send buffers are smaller than the 4194304 bytes")
                    .contains("212992 (net.core.rmem_max)")
                    .contains("sysctl -w net.core.rmem_max=4194304"));
  }

  @Test
  void kernelLimitBelowTheRequestWarnsEvenWhenTheSocketReportsEnough() {
    // Asked 300,000 with rmem_max 212,992: getsockopt says 425,984 (the kernel's doubled figure),
    // which a JDK that passes it through would report as more than asked.
    int asked = 300_000;
    UdpBufferCheck.Sizes granted = new UdpBufferCheck.Sizes(425_984, 600_000);

    Optional<String> warning =
        UdpBufferCheck.shortfall(
            asked, granted, Optional.of(new UdpBufferCheck.Sizes(212_992, 4 << 20)));

    assertThat(warning).hasValueSatisfying(text -> assertThat(text).contains("receive buffer is"));
  }

  @Test
  void withoutKernelLimitsTheSocketsOwnAnswerDecides() {
    assertThat(
            UdpBufferCheck.shortfall(
                ASKED, new UdpBufferCheck.Sizes(ASKED, ASKED / 2), Optional.empty()))
        .hasValueSatisfying(text -> assertThat(text).contains("send buffer is"));
    assertThat(
            UdpBufferCheck.shortfall(
                ASKED, new UdpBufferCheck.Sizes(ASKED, ASKED), Optional.empty()))
        .isEmpty();
  }

  @Test
  void linuxLimitsAreReadInFull() {
    assumeTrue(Files.isReadable(Path.of("/proc/sys/net/core/rmem_max")), "Linux only");

    // procfs files report a size of 0; a reader that trusts it gets "4" out of "4194304". Linux
    // never allows a limit below 2 KiB (SOCK_MIN_RCVBUF).
    assertThat(UdpBufferCheck.kernelLimits())
        .hasValueSatisfying(
            limits -> {
              assertThat(limits.receiveBytes()).isGreaterThanOrEqualTo(2048);
              assertThat(limits.sendBytes()).isGreaterThanOrEqualTo(2048);
            });
  }

  @Test
  void probeReportsWhatTheKernelGrantsForASmallRequest() throws Exception {
    // 64 KiB is within every kernel's default limit, so it is granted in full.
    UdpBufferCheck.Sizes granted = UdpBufferCheck.probe(1 << 16);

    assertThat(granted.receiveBytes()).isGreaterThanOrEqualTo(1 << 16);
    assertThat(granted.sendBytes()).isGreaterThanOrEqualTo(1 << 16);
  }
}
