package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;

/**
 * The running server's SIP UDP socket has the receive buffer {@code sip.udp-buffer-bytes} asks for,
 * as the kernel reports it ({@code ss}'s socket memory, Linux only).
 */
class SipUdpBufferIT {

  private static final int ASKED_BYTES = 1 << 20;
  private static final Pattern RECEIVE_BUFFER = Pattern.compile("\\brb(\\d+)\\b");

  @TempDir Path data;

  @Test
  void sipUdpSocketGetsTheConfiguredReceiveBuffer() throws Exception {
    Path rmemMax = Path.of("/proc/sys/net/core/rmem_max");
    assumeTrue(Files.isReadable(rmemMax), "Linux only");
    assumeTrue(
        Long.parseLong(Files.readAllLines(rmemMax).get(0).trim()) >= ASKED_BYTES,
        "net.core.rmem_max is below the size this test asks for");
    int sipPort = FreePorts.udpAndTcp();
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain("office.example")
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(0)
                .httpPort(0)
                .udpBufferBytes(ASKED_BYTES));

    long receiveBytes;
    try (ParleyServer server = ParleyServer.start(config, "test")) {
      receiveBytes = receiveBufferBytes(sipPort);
    }

    // Linux reports twice what it granted; jain-sip's own default (64 KiB) would show 131072, and
    // the 4 MiB default of the config 8 MiB.
    assertThat(receiveBytes).isBetween((long) ASKED_BYTES, 2L * ASKED_BYTES);
  }

  private static long receiveBufferBytes(int port) throws IOException, InterruptedException {
    Process ss;
    try {
      ss = new ProcessBuilder("ss", "-Hulmn", "sport = :" + port).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "ss (iproute2) is not installed");
      throw e;
    }
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Matcher rb = RECEIVE_BUFFER.matcher(out);
    assertThat(rb.find()).as("ss output: %s", out).isTrue();
    return Long.parseLong(rb.group(1));
  }
}
