package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.stack.HopImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.media.sdp.SdpParseException;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.server.store.StoreException;
import org.parley.server.voicemail.DaemonThreads;
import org.parley.server.voicemail.MailboxPlayer;
import org.parley.server.voicemail.Mailboxes;
import org.parley.server.voicemail.MessageRecorder;
import org.parley.server.voicemail.VoicemailAnswer;
import org.parley.server.voicemail.VoicemailMessage;
import org.parley.server.voicemail.VoicemailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voicemail agent's deposit side: answers a call for a user's mailbox, plays the greeting,
 * records until the caller hangs up (or is silent, or the message is full, when the agent sends
 * BYE), then stores the message off the SIP thread.
 */
final class VoicemailHandler implements Diversion, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailHandler.class);
  private static final String ACCESS_USER = "voicemail";
  private static final String ACCESS_CODE = "*97";

  private final SipContext sip;
  private final Responses responses;
  private final Mailboxes mailboxes;
  private final VoicemailSettings settings;
  private final Clock clock;
  private final Map<String, Deposit> deposits = new ConcurrentHashMap<>();
  private final Map<String, Listening> listenings = new ConcurrentHashMap<>();
  private final ExecutorService storing =
      Executors.newSingleThreadExecutor(DaemonThreads.named("voicemail-store"));
  private final ScheduledExecutorService timers = noAnswerTimers();

  /**
   * Every forked INVITE starts a no-answer timer and nearly every one is cancelled when the call is
   * answered: removed at once, not left queued until it would have fired (at 300 calls/s that was
   * thousands of dead entries, and their thread's CPU, per no-answer period).
   */
  static ScheduledThreadPoolExecutor noAnswerTimers() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("voicemail-no-answer"));
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** A user listening to their own mailbox. */
  private record Listening(AgentDialog dialog, MailboxPlayer player) {}

  /** One answered deposit call. */
  private static final class Deposit {
    final AgentDialog dialog;
    final String mailbox;
    final String caller;
    final Instant receivedAt;
    MessageRecorder recorder;

    Deposit(AgentDialog dialog, String mailbox, String caller, Instant receivedAt) {
      this.dialog = dialog;
      this.mailbox = mailbox;
      this.caller = caller;
      this.receivedAt = receivedAt;
    }
  }

  VoicemailHandler(
      SipContext sip,
      Responses responses,
      Mailboxes mailboxes,
      VoicemailSettings settings,
      Clock clock) {
    this.sip = sip;
    this.responses = responses;
    this.mailboxes = mailboxes;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> afterNoAnswer(Runnable task) {
    return timers.schedule(task, settings.noAnswer().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void divert(ServerTransaction server, Request invite, String mailbox) {
    deposit(server, invite, mailbox);
  }

  /** Whether an in-dialog request belongs to one of our deposit calls. */
  boolean owns(Request request) {
    Deposit deposit = deposits.get(AgentDialog.callId(request));
    Listening listening = listenings.get(AgentDialog.callId(request));
    return deposit != null && deposit.dialog.owns(request)
        || listening != null && listening.dialog().owns(request);
  }

  boolean ownsResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    return transaction != null && transaction.getApplicationData() instanceof AgentDialog;
  }

  /** A call to a user with no binding: the mailbox answers at once. */
  void depositNow(RequestEvent event, String mailbox) {
    ServerTransaction transaction = serverTransaction(event);
    if (transaction != null) {
      deposit(transaction, event.getRequest(), mailbox);
    }
  }

  /** The INVITE's server transaction, or null for a retransmission that already has one. */
  private ServerTransaction serverTransaction(RequestEvent event) {
    if (event.getServerTransaction() != null) {
      return event.getServerTransaction();
    }
    try {
      return sip.provider().getNewServerTransaction(event.getRequest());
    } catch (SipException e) {
      LOG.debug("No server transaction for a voicemail INVITE (retransmission?)", e);
      return null;
    }
  }

  /** Answers an INVITE (on its server transaction) for {@code mailbox}'s voicemail. */
  void deposit(ServerTransaction transaction, Request invite, String mailbox) {
    Optional<VoicemailAnswer.Choice> choice = chooseMedia(transaction, invite);
    if (choice.isEmpty()) {
      return;
    }
    String callId = AgentDialog.callId(invite);
    AgentDialog dialog = new AgentDialog(sip, invite, callerHop(invite));
    FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
    Deposit deposit = new Deposit(dialog, mailbox, from.getAddress().toString(), clock.instant());
    Path file = mailboxes.newRecording();
    try {
      InetAddress local = InetAddress.getByName(sip.advertisedAddress());
      deposit.recorder =
          MessageRecorder.start(
              local,
              choice.get(),
              mailboxes.greeting(mailbox),
              file,
              settings,
              reason -> hangUp(callId, reason));
      SessionDescription answer =
          VoicemailAnswer.answer(local, deposit.recorder.rtpPort(), choice.get());
      deposits.put(callId, deposit);
      responses.send(transaction, dialog.ok(invite, answer.format(), ACCESS_USER));
      LOG.info("Voicemail for {} answered call {}", mailbox, callId);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Cannot answer a voicemail call for {}: {}", mailbox, e.getMessage());
      if (deposit.recorder != null) {
        deposit.recorder.close();
      }
      mailboxes.discard(file);
      responses.send(
          transaction,
          responses.create(invite, Response.SERVICE_UNAVAILABLE, "Voicemail unavailable"));
    }
  }

  /** Whether a URI names the mailbox access number: {@code voicemail} or {@code *97}. */
  boolean isMailboxTarget(SipURI uri) {
    return (ACCESS_USER.equals(uri.getUser()) || ACCESS_CODE.equals(uri.getUser()))
        && sip.isLocal(uri);
  }

  /** Answers an authenticated user's call to their own mailbox: DTMF-driven playback. */
  void listen(RequestEvent event, String user) {
    Request invite = event.getRequest();
    ServerTransaction transaction = serverTransaction(event);
    if (transaction == null) {
      return;
    }
    Optional<VoicemailAnswer.Choice> choice = chooseMedia(transaction, invite);
    if (choice.isEmpty()) {
      return;
    }
    try {
      InetAddress local = InetAddress.getByName(sip.advertisedAddress());
      MailboxPlayer player = MailboxPlayer.start(local, choice.get(), new UserMailbox(user));
      AgentDialog dialog = new AgentDialog(sip, invite, callerHop(invite));
      listenings.put(AgentDialog.callId(invite), new Listening(dialog, player));
      SessionDescription answer = VoicemailAnswer.answer(local, player.rtpPort(), choice.get());
      responses.send(transaction, dialog.ok(invite, answer.format(), ACCESS_USER));
      LOG.info("{} is listening to their mailbox", user);
    } catch (IOException e) {
      LOG.warn("Cannot answer a mailbox call for {}: {}", user, e.getMessage());
      responses.send(
          transaction,
          responses.create(invite, Response.SERVICE_UNAVAILABLE, "Voicemail unavailable"));
    }
  }

  /** One user's mailbox, as the player sees it. */
  private final class UserMailbox implements MailboxPlayer.Mailbox {
    private final String user;

    UserMailbox(String user) {
      this.user = user;
    }

    @Override
    public List<VoicemailMessage> messages() throws StoreException {
      return mailboxes.list(user);
    }

    @Override
    public short[] audio(VoicemailMessage message) throws IOException {
      return mailboxes.pcm(message);
    }

    @Override
    public void heard(VoicemailMessage message) throws StoreException {
      mailboxes.markHeard(user, message.id());
    }

    @Override
    public void delete(VoicemailMessage message) throws StoreException {
      mailboxes.delete(user, message.id());
    }
  }

  /** ACK, BYE and the rest inside a deposit call. */
  void handle(RequestEvent event) {
    Request request = event.getRequest();
    String callId = AgentDialog.callId(request);
    Deposit deposit = deposits.get(callId);
    switch (request.getMethod()) {
      case Request.ACK -> {
        // The caller confirmed our 200 OK.
      }
      case Request.BYE -> {
        responses.sendStateless(request, Response.OK, null);
        end(callId, deposit);
        Listening listening = listenings.remove(callId);
        if (listening != null) {
          listening.player().close();
        }
      }
      case Request.INFO, Request.OPTIONS, Request.UPDATE ->
          responses.sendStateless(request, Response.OK, null);
      default -> responses.sendStateless(request, Response.NOT_IMPLEMENTED, null);
    }
  }

  private void hangUp(String callId, MessageRecorder.EndReason reason) {
    Deposit deposit = deposits.get(callId);
    if (deposit == null) {
      return;
    }
    LOG.info("Ending voicemail call {} ({})", callId, reason);
    try {
      deposit.dialog.sendBye();
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Could not send BYE for voicemail call {}: {}", callId, e.getMessage());
    }
    end(callId, deposit);
  }

  /** Stops the media and stores the message, off the caller's thread. */
  private void end(String callId, Deposit deposit) {
    if (deposit == null || !deposits.remove(callId, deposit)) {
      return;
    }
    storing.execute(() -> store(deposit));
  }

  private void store(Deposit deposit) {
    MessageRecorder.Recording recording = deposit.recorder.finish();
    if (recording.durationMillis() == 0) {
      LOG.info("The caller left no audio for {}", deposit.mailbox);
      mailboxes.discard(recording.file());
      return;
    }
    try {
      mailboxes.deposit(
          deposit.mailbox,
          deposit.caller,
          deposit.receivedAt,
          recording.file(),
          recording.durationMillis());
    } catch (StoreException e) {
      LOG.error("Could not store a voicemail for {}: {}", deposit.mailbox, e.getMessage(), e);
    }
  }

  /** The stream to answer, or empty after answering 488. */
  private Optional<VoicemailAnswer.Choice> chooseMedia(
      ServerTransaction transaction, Request invite) {
    SessionDescription offer;
    try {
      offer =
          SdpParser.parse(invite.getRawContent() == null ? new byte[0] : invite.getRawContent());
    } catch (SdpParseException e) {
      reject(transaction, invite, "Voicemail needs an SDP offer");
      return Optional.empty();
    }
    Optional<VoicemailAnswer.Choice> choice = VoicemailAnswer.choose(offer);
    if (choice.isEmpty()) {
      reject(transaction, invite, "Voicemail takes PCMU or PCMA audio");
    }
    return choice;
  }

  private void reject(ServerTransaction transaction, Request invite, String reason) {
    responses.send(transaction, responses.create(invite, Response.NOT_ACCEPTABLE_HERE, reason));
  }

  /** Where the caller's requests came from: its Via, corrected by received and rport. */
  static Hop callerHop(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    String host = via.getReceived() != null ? via.getReceived() : via.getHost();
    int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
    return new HopImpl(host, port, via.getTransport().toLowerCase(Locale.ROOT));
  }

  /** Ends every call, storing what was recorded, for shutdown. */
  @Override
  public void close() {
    timers.shutdownNow();
    deposits.forEach(this::end);
    listenings.values().forEach(listening -> listening.player().close());
    listenings.clear();
    storing.shutdown();
    try {
      storing.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
