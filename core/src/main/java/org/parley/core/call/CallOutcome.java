package org.parley.core.call;

import java.time.Instant;
import java.util.Optional;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;
import org.parley.media.quality.QualitySummary;

/** How a call went, turned into its call-log record when it ends. */
record CallOutcome(
    Instant startedAt,
    Optional<Instant> answeredAt,
    Instant endedAt,
    EndReason reason,
    int statusCode,
    Optional<String> codec,
    Optional<QualitySummary> quality,
    boolean weCancelled,
    boolean weRejected) {

  CallRecord toRecord(String account, Call call) {
    CallDisposition disposition = disposition(call.direction());
    boolean withStatus =
        disposition == CallDisposition.REJECTED || disposition == CallDisposition.FAILED;
    return new CallRecord(
        0,
        account,
        call.direction(),
        call.peerUri(),
        call.peerDisplayName(),
        startedAt,
        answeredAt,
        endedAt,
        disposition,
        withStatus ? statusCode : 0,
        answeredAt.isPresent() ? codec : Optional.empty(),
        answeredAt.isPresent() ? quality.map(CallOutcome::quality) : Optional.empty());
  }

  private CallDisposition disposition(CallDirection direction) {
    if (answeredAt.isPresent()) {
      return CallDisposition.ANSWERED;
    }
    if (reason == EndReason.REJECTED) {
      return CallDisposition.REJECTED;
    }
    if (direction == CallDirection.OUTGOING) {
      return weCancelled ? CallDisposition.CANCELLED : CallDisposition.FAILED;
    }
    return weRejected ? CallDisposition.REJECTED : CallDisposition.MISSED;
  }

  /** The media engine's summary in the call log's terms. */
  static CallQuality quality(QualitySummary summary) {
    return new CallQuality(
        summary.meanMos(),
        summary.worstMos(),
        summary.overallLossPercent(),
        summary.meanJitterMillis(),
        summary.meanRoundTripMillis(),
        summary.meanConcealmentRatio(),
        summary.meanJitterBufferDelayMillis(),
        summary.worstJitterBufferDelayMillis());
  }
}
