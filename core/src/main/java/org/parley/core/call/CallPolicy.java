package org.parley.core.call;

import java.util.List;
import java.util.Objects;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.media.codec.AudioCodec;

/**
 * How an account's calls negotiate media, beyond what each call's {@link CallMedia} says.
 *
 * @param encryption whether audio goes over SRTP
 * @param codecs the codecs an incoming offer must share with us to get past the 488 check that runs
 *     before the phone rings (the answer then uses the codecs its {@link CallMedia} lists)
 * @param sessionTimers the session interval we ask for and the least we accept (RFC 4028)
 * @param transfers what a peer's REFER does: followed at once, asked about, or declined
 */
public record CallPolicy(
    MediaEncryption encryption,
    List<AudioCodec> codecs,
    SessionTimerSettings sessionTimers,
    TransferConsent transfers) {

  public CallPolicy {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(sessionTimers, "sessionTimers");
    Objects.requireNonNull(transfers, "transfers");
    // The default list stays unmade until an offer needs it (DefaultCodecs): never empty.
    if (!(codecs instanceof DefaultCodecs)) {
      codecs = List.copyOf(codecs);
      if (codecs.isEmpty()) {
        throw new IllegalArgumentException("A call policy needs at least one codec");
      }
    }
  }

  /**
   * Plain RTP, the default codecs (opus, G722, PCMU, PCMA), 30-minute session timers, transfers
   * followed at once. The codec list is made (and FFmpeg's natives loaded) when it is first read,
   * not here, so an account with this policy registers without waiting for them.
   */
  public static CallPolicy defaults() {
    return new CallPolicy(
        MediaEncryption.NONE,
        DefaultCodecs.shared(),
        SessionTimerSettings.DEFAULT,
        TransferConsent.FOLLOW);
  }

  public CallPolicy withEncryption(MediaEncryption value) {
    return new CallPolicy(value, codecs, sessionTimers, transfers);
  }

  public CallPolicy withCodecs(List<AudioCodec> value) {
    return new CallPolicy(encryption, value, sessionTimers, transfers);
  }

  public CallPolicy withSessionTimers(SessionTimerSettings value) {
    return new CallPolicy(encryption, codecs, value, transfers);
  }

  public CallPolicy withTransfers(TransferConsent value) {
    return new CallPolicy(encryption, codecs, sessionTimers, value);
  }
}
