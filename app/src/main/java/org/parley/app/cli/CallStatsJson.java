package org.parley.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.parley.core.call.Call;
import org.parley.media.quality.QualitySummary;
import org.parley.media.rtp.RtpStreamStatistics;

/**
 * The {@code --stats} file of {@code parley call} and {@code parley answer}: one JSON object,
 * written by hand (the app has no JSON library and the object is flat).
 */
final class CallStatsJson {

  private CallStatsJson() {}

  static void write(Path file, Call call) throws IOException {
    Files.writeString(file, of(call) + "\n", StandardCharsets.UTF_8);
  }

  static String of(Call call) {
    RtpStreamStatistics rtp = call.rtpStatistics().orElse(null);
    QualitySummary quality = call.quality().orElse(null);
    return "{"
        + "\"codec\":"
        + call.codec().map(JsonText::quoted).orElse("null")
        + ",\"packetsSent\":"
        + (rtp == null ? 0 : rtp.packetsSent())
        + ",\"packetsReceived\":"
        + (rtp == null ? 0 : rtp.packetsReceived())
        + ",\"lossPercent\":"
        + number(quality == null ? 0 : quality.overallLossPercent())
        + ",\"jitterMs\":"
        + number(quality == null ? 0 : quality.meanJitterMillis())
        + ",\"rttMs\":"
        + number(quality == null ? -1 : quality.meanRoundTripMillis())
        + ",\"mos\":"
        + number(quality == null ? 0 : quality.meanMos())
        + ",\"jitterBufferMs\":"
        + number(quality == null ? 0 : quality.meanJitterBufferDelayMillis())
        + ",\"jitterBufferWorstMs\":"
        + number(quality == null ? 0 : quality.worstJitterBufferDelayMillis())
        + ",\"srtp\":"
        + call.encrypted()
        + "}";
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
  }
}
