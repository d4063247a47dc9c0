package org.parley.server.voicemail;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.media.dtmf.DtmfReceiver;
import org.parley.media.dtmf.ReceivedDigit;
import org.parley.media.rtp.ReceivedRtpPacket;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of a user calling their own mailbox: plays a prompt, then each message (unheard
 * first, oldest first), driven by RFC 4733 digits: {@value #REPEAT} repeats the current message,
 * {@value #NEXT} skips to the next, {@value #DELETE} deletes the current one and plays the next. A
 * message played to its end is marked heard. After the last one, a low double tone.
 */
public final class MailboxPlayer implements AutoCloseable {

  /** Plays the current message again from its start. */
  public static final char REPEAT = '5';

  /** Skips to the next message. */
  public static final char NEXT = '6';

  /** Deletes the current message and plays the next. */
  public static final char DELETE = '7';

  /** What the player needs from the user's mailbox. */
  public interface Mailbox {
    List<VoicemailMessage> messages() throws StoreException;

    short[] audio(VoicemailMessage message) throws IOException;

    void heard(VoicemailMessage message) throws StoreException;

    void delete(VoicemailMessage message) throws StoreException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(MailboxPlayer.class);

  private final RtpSession session;
  private final FramePlayer player;
  private final Mailbox mailbox;
  private final int telephoneEventType;
  private final DtmfReceiver dtmf = new DtmfReceiver(); // receive thread only
  private final Queue<Character> digits = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("voicemail-playback"));

  // Ticker thread only.
  private final Deque<VoicemailMessage> queue = new ArrayDeque<>();
  private VoicemailMessage current;
  private boolean finished;

  private MailboxPlayer(RtpSessionConfig config, VoicemailAnswer.Choice media, Mailbox mailbox)
      throws IOException {
    this.mailbox = mailbox;
    this.telephoneEventType = media.telephoneEventType();
    this.session = RtpSession.open(config, this::received);
    this.player = new FramePlayer(session, media.codec(), media.payloadType());
  }

  /** Binds a port and starts with the prompt; the messages follow. */
  public static MailboxPlayer start(
      InetAddress local, VoicemailAnswer.Choice media, Mailbox mailbox) throws IOException {
    RtpSessionConfig config =
        RtpSessionConfig.builder()
            .local(local, 0)
            .remoteRtp(media.remoteRtp())
            .rtcpMux(media.rtcpMux())
            .latching(true)
            .clockRateHz(FramePlayer.RATE_HZ)
            .build();
    MailboxPlayer mailboxPlayer = new MailboxPlayer(config, media, mailbox);
    mailboxPlayer.ticker.execute(mailboxPlayer::begin);
    mailboxPlayer.ticker.scheduleAtFixedRate(
        mailboxPlayer::tick, 0, FramePlayer.PTIME_MILLIS, TimeUnit.MILLISECONDS);
    return mailboxPlayer;
  }

  public int rtpPort() {
    return session.localRtpAddress().getPort();
  }

  @Override
  public void close() {
    session.close();
    ticker.shutdownNow();
  }

  private void begin() {
    List<VoicemailMessage> unheardFirst = new ArrayList<>();
    try {
      List<VoicemailMessage> all = mailbox.messages();
      all.stream().filter(m -> !m.heard()).forEach(unheardFirst::add);
      all.stream().filter(VoicemailMessage::heard).forEach(unheardFirst::add);
    } catch (StoreException e) {
      LOG.warn("Cannot list the mailbox for playback: {}", e.getMessage());
    }
    queue.addAll(unheardFirst);
    player.play(Tones.prompt());
  }

  private void tick() {
    try {
      Character digit;
      while ((digit = digits.poll()) != null) {
        onDigit(digit);
      }
      if (!player.playing() && !finished) {
        if (current != null) {
          mailbox.heard(current);
          current = null;
        }
        playNext();
      }
      player.tick();
    } catch (StoreException | RuntimeException e) {
      // Thread root of the playback: one failed step must not stop the ticking.
      LOG.warn("Mailbox playback step failed: {}", e.getMessage());
    }
  }

  private void onDigit(char digit) throws StoreException {
    switch (digit) {
      case REPEAT -> {
        if (current != null) {
          play(current);
        }
      }
      case NEXT -> playNext();
      case DELETE -> {
        if (current != null) {
          mailbox.delete(current);
          current = null;
        }
        playNext();
      }
      default -> LOG.debug("Digit {} has no meaning in the mailbox", digit);
    }
  }

  private void playNext() {
    current = queue.poll();
    if (current == null) {
      finished = true;
      player.play(Tones.noMoreMessages());
      return;
    }
    finished = false;
    play(current);
  }

  private void play(VoicemailMessage message) {
    try {
      player.play(mailbox.audio(message));
    } catch (IOException e) {
      LOG.warn("Cannot read voicemail {}: {}", message.id(), e.getMessage());
      player.play(new short[0]);
    }
  }

  /** On the RTP receive thread: digits only; the caller's audio is not used. */
  private void received(ReceivedRtpPacket received) {
    if (received.packet().payloadType() != telephoneEventType) {
      return;
    }
    for (ReceivedDigit digit : dtmf.receive(received.packet())) {
      digits.add(digit.digit());
    }
  }
}
