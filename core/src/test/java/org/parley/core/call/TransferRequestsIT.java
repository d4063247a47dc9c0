package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallEvent.TransferRequested;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RegistrationEvents;

/**
 * Transfer requests our own stack would never send, written by hand to Carol's softphone: a
 * Replaces that names no dialog, REFER outside a dialog, and unusable Refer-To values.
 */
class TransferRequestsIT {

  private BundledServer server;
  private Softphone phone;
  private Account carol;
  private final CallEvents carolEvents = new CallEvents();
  private RawSipSocket mallory;
  private String carolContact;

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("carol", "singer");
    phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    carol =
        phone.addAccount(
            AccountConfig.of("sip:carol@" + BundledServer.DOMAIN, "singer"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + server.port()));
    RegistrationEvents registration = new RegistrationEvents();
    carol.addRegistrationListener(registration);
    carol.addCallListener(carolEvents);
    carol.register();
    registration.next(Registered.class);
    carolContact = server.contactsOf("carol").get(0);
    URI contact = URI.create(carolContact.replace("sip:", "sip://"));
    mallory = new RawSipSocket(contact.getHost(), contact.getPort());
  }

  @AfterEach
  void stop() {
    mallory.close();
    phone.close();
    server.close();
  }

  @Test
  void anInviteWhoseReplacesMatchesNoDialogGets481() throws Exception {
    mallory.send(
        request("INVITE", "replaces-none", "m1", null, 1)
            + "Replaces: no-such-call@elsewhere;to-tag=x1;from-tag=y1\r\n"
            + sdpBody());

    assertThat(RawSipSocket.status(mallory.finalResponse("INVITE"))).isEqualTo(481);
  }

  @Test
  void aReplacesForAnEarlyDialogThePeerStartedGets481() throws Exception {
    mallory.send(request("INVITE", "early-1", "m1", null, 1) + sdpBody());
    Call ringing = carolEvents.next(IncomingCall.class).call();
    // Carol has sent 180 with her tag; the early dialog is the peer's (ours to answer).
    String carolTag = awaitCarolsTag(ringing);

    mallory.send(
        request("INVITE", "early-2", "m2", null, 1)
            + "Replaces: early-1;to-tag="
            + carolTag
            + ";from-tag=m1\r\n"
            + sdpBody());

    assertThat(RawSipSocket.status(mallory.finalResponse("INVITE"))).isEqualTo(481);
    ringing.reject();
  }

  @Test
  void referOutsideADialogIsForbidden() throws Exception {
    mallory.send(
        request("REFER", "refer-out", "m1", null, 1)
            + "Refer-To: <sip:bob@office.example>\r\nContent-Length: 0\r\n\r\n");

    assertThat(RawSipSocket.status(mallory.finalResponse("REFER"))).isEqualTo(403);
  }

  @Test
  void referWithANonSipOrMalformedReferToIsRefusedAndTheCallGoesOn() throws Exception {
    String carolTag = establish("refer-in");
    // jain-sip drops a Refer-To it cannot parse, so a bad escape reaches us as no Refer-To.

    assertThat(referInDialog(carolTag, 2, "Refer-To: <tel:+15551234>\r\n")).isEqualTo(403);
    assertThat(referInDialog(carolTag, 3, "Refer-To: <sip:bob@h?Replaces=x%zz>\r\n"))
        .isEqualTo(400);
    assertThat(referInDialog(carolTag, 4, "")).isEqualTo(400);
    // Well-formed for the stack, but its Replaces has no tags.
    assertThat(referInDialog(carolTag, 5, "Refer-To: <sip:bob@h?Replaces=abc>\r\n")).isEqualTo(400);

    // Only NOTIFYs are taken from the dialog's Call-ID: an in-dialog OPTIONS probe still gets 200.
    mallory.send(request("OPTIONS", "refer-in", "m1", carolTag, 6) + "Content-Length: 0\r\n\r\n");
    assertThat(RawSipSocket.status(mallory.finalResponse("OPTIONS"))).isEqualTo(200);

    mallory.send(request("BYE", "refer-in", "m1", carolTag, 7) + "Content-Length: 0\r\n\r\n");
    assertThat(RawSipSocket.status(mallory.finalResponse("BYE"))).isEqualTo(200);
    assertThat(carolEvents.next(CallEnded.class).reason())
        .isEqualTo(CallEvent.EndReason.REMOTE_HANGUP);
  }

  @Test
  void anAcceptedReferIsNotifiedAsSipfragUntilTheFinalStatusTerminatesIt() throws Exception {
    String carolTag = establish("refer-ok");
    mallory.send(
        request("REFER", "refer-ok", "m1", carolTag, 2)
            + "Refer-To: <sip:nobody@office.example>\r\n"
            + "Referred-By: <sip:mallory@office.example>\r\n"
            + "Content-Length: 0\r\n\r\n");
    assertThat(RawSipSocket.status(mallory.finalResponse("REFER"))).isEqualTo(202);
    assertThat(carolEvents.next(CallTransferred.class).newCall().peerUri())
        .isEqualTo("sip:nobody@office.example");

    String trying = mallory.request("NOTIFY");
    mallory.respond(trying, 200, "OK");
    String failed = mallory.request("NOTIFY");
    mallory.respond(failed, 200, "OK");

    assertThat(RawSipSocket.header(trying, "Event")).isEqualToIgnoringCase("refer;id=2");
    assertThat(RawSipSocket.header(trying, "Subscription-State")).startsWith("active");
    assertThat(RawSipSocket.header(trying, "Content-Type"))
        .isEqualToIgnoringCase("message/sipfrag");
    assertThat(body(trying)).isEqualTo("SIP/2.0 100 Trying\r\n");
    assertThat(RawSipSocket.header(failed, "Subscription-State"))
        .isEqualToIgnoringCase("terminated;reason=noresource");
    assertThat(body(failed)).startsWith("SIP/2.0 404 ");
    // The referred call failed, so Carol's call with us is still up.
    mallory.send(request("BYE", "refer-ok", "m1", carolTag, 3) + "Content-Length: 0\r\n\r\n");
    assertThat(RawSipSocket.status(mallory.finalResponse("BYE"))).isEqualTo(200);
  }

  @Test
  void aReferTheUserDeclinesIsAcceptedThenEndedByANotifyWith603() throws Exception {
    carol.setCallPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    String carolTag = establish("refer-no");
    mallory.send(
        request("REFER", "refer-no", "m1", carolTag, 2)
            + "Refer-To: <sip:bob@office.example>\r\n"
            + "Referred-By: <sip:mallory@office.example>\r\n"
            + "Content-Length: 0\r\n\r\n");
    // The 202 goes before anyone decides, so the REFER's transaction cannot time out meanwhile.
    assertThat(RawSipSocket.status(mallory.finalResponse("REFER"))).isEqualTo(202);
    String trying = mallory.request("NOTIFY");
    mallory.respond(trying, 200, "OK");
    assertThat(body(trying)).isEqualTo("SIP/2.0 100 Trying\r\n");
    assertThat(RawSipSocket.header(trying, "Subscription-State")).startsWith("active");

    carolEvents.next(TransferRequested.class).call().declineTransfer();

    String declined = mallory.request("NOTIFY");
    mallory.respond(declined, 200, "OK");
    assertThat(RawSipSocket.header(declined, "Event")).isEqualToIgnoringCase("refer;id=2");
    assertThat(RawSipSocket.header(declined, "Subscription-State"))
        .isEqualToIgnoringCase("terminated;reason=noresource");
    assertThat(RawSipSocket.header(declined, "Content-Type"))
        .isEqualToIgnoringCase("message/sipfrag");
    assertThat(body(declined)).isEqualTo("SIP/2.0 603 Decline\r\n");
    // Carol stays in the call: our BYE ends it.
    mallory.send(request("BYE", "refer-no", "m1", carolTag, 3) + "Content-Length: 0\r\n\r\n");
    assertThat(RawSipSocket.status(mallory.finalResponse("BYE"))).isEqualTo(200);
    assertThat(carolEvents.next(CallEnded.class).reason())
        .isEqualTo(CallEvent.EndReason.REMOTE_HANGUP);
  }

  private static String body(String message) {
    return message.substring(message.indexOf("\r\n\r\n") + 4);
  }

  private int referInDialog(String carolTag, int cseq, String referTo) throws Exception {
    mallory.send(
        request("REFER", "refer-in", "m1", carolTag, cseq) + referTo + "Content-Length: 0\r\n\r\n");
    return RawSipSocket.status(mallory.finalResponse("REFER"));
  }

  /** Calls Carol, lets her answer, ACKs: the dialog's Carol tag. */
  private String establish(String callId) throws Exception {
    mallory.send(request("INVITE", callId, "m1", null, 1) + sdpBody());
    carolEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
    String ok = mallory.finalResponse("INVITE");
    assertThat(RawSipSocket.status(ok)).isEqualTo(200);
    String carolTag = RawSipSocket.tag(RawSipSocket.header(ok, "To"));
    mallory.send(request("ACK", callId, "m1", carolTag, 1) + "Content-Length: 0\r\n\r\n");
    carolEvents.next(CallEstablished.class);
    return carolTag;
  }

  // Carol's tag is in her 180; a retransmitted INVITE makes her stack repeat it.
  private String awaitCarolsTag(Call ringing) throws Exception {
    assertThat(ringing.state()).isEqualTo(Call.State.RINGING);
    String ringingResponse = mallory.provisional("INVITE");
    return RawSipSocket.tag(RawSipSocket.header(ringingResponse, "To"));
  }

  private String request(String method, String callId, String fromTag, String toTag, int cseq) {
    return method
        + " "
        + carolContact
        + " SIP/2.0\r\n"
        + mallory.via()
        + "Max-Forwards: 70\r\n"
        + "From: <sip:mallory@office.example>;tag="
        + fromTag
        + "\r\n"
        + "To: <sip:carol@office.example>"
        + (toTag == null ? "" : ";tag=" + toTag)
        + "\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n"
        + "Contact: <sip:mallory@127.0.0.1:"
        + mallory.port()
        + ">\r\n";
  }

  private String sdpBody() {
    String sdp =
        "v=0\r\n"
            + "o=- 1 1 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio "
            + (mallory.port() + 2)
            + " RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=sendrecv\r\n";
    return "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
  }
}
