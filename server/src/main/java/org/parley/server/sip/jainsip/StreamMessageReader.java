package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.parley.server.sip.stream.BadRequestResponse;
import org.parley.server.sip.stream.StreamFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads SIP messages from one TCP or TLS connection with Parley's {@link StreamFramer} instead of
 * jain-sip's NIO framer, then parses and dispatches them as jain-sip's UDP channel does: a request
 * that does not parse gets a 400 (RFC 3261 §21.4.1) and the connection stays usable, because the
 * framing did not depend on the parse. When framing itself fails, a request gets a 400 and the
 * connection is closed, since nothing after it can be trusted.
 */
final class StreamMessageReader implements StreamFramer.Listener, ParseExceptionListener {

  /** What the reader needs of jain-sip's channel; implemented by our channel subclasses. */
  interface Connection {
    SIPTransactionStack stack();

    /** Hands a parsed message to jain-sip's transaction layer. */
    void process(SIPMessage message) throws Exception;

    /** Sends bytes on this connection. */
    void send(byte[] bytes) throws Exception;

    /** Answers a keep-alive ping with a CRLF (RFC 5626 §4.4.1). */
    void sendPong() throws Exception;

    /** A pong arrived: the keep-alive timeout, if any, is cancelled. */
    void pongReceived();

    void closeConnection();

    String peer();
  }

  private static final Logger LOG = LoggerFactory.getLogger(StreamMessageReader.class);

  /** Headers without which no response can be formed; a bad one rejects the whole message. */
  private static final Set<Class<?>> REQUIRED_HEADERS =
      Set.of(
          From.class,
          To.class,
          CSeq.class,
          Via.class,
          CallID.class,
          ContentLength.class,
          RequestLine.class,
          StatusLine.class);

  /** How long a connection whose framing broke stays open so that the 400 goes out first. */
  private static final Executor CLOSE_LATER =
      CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);

  private final Connection connection;
  private final StreamFramer framer;
  private final MessageParser parser;

  StreamMessageReader(Connection connection, int maxMessageBytes) {
    this.connection = connection;
    this.framer = new StreamFramer(this, maxMessageBytes);
    SIPTransactionStack stack = connection.stack();
    this.parser = stack.getMessageParserFactory().createMessageParser(stack);
  }

  /** Takes bytes read (and, for TLS, decrypted) from the connection. */
  synchronized void add(byte[] bytes) {
    framer.feed(bytes, 0, bytes.length);
  }

  @Override
  public void message(byte[] head, byte[] body) {
    SIPMessage message;
    try {
      message = parser.parseSIPMessage(head, false, false, this);
    } catch (ParseException e) {
      LOG.debug("Unparseable message from {}: {}", connection.peer(), e.getMessage());
      rejectRequest(new String(head, StandardCharsets.UTF_8), "Unparseable message");
      return;
    }
    if (message == null) {
      return;
    }
    if (body.length > 0) {
      message.setMessageContent(body);
    }
    try {
      connection.process(message);
    } catch (Exception e) {
      // jain-sip's processing is a thread root for this connection: log and keep reading.
      LOG.warn("Could not process a message from {}", connection.peer(), e);
    }
  }

  @Override
  public void ping() {
    try {
      connection.sendPong();
    } catch (Exception e) {
      LOG.debug(
          "Could not answer a keep-alive ping from {}: {}", connection.peer(), e.getMessage());
    }
  }

  @Override
  public void pong() {
    connection.pongReceived();
  }

  @Override
  public void broken(byte[] head, String reason) {
    LOG.debug("Closing the connection from {}: {}", connection.peer(), reason);
    if (head != null) {
      rejectRequest(new String(head, StandardCharsets.UTF_8), reason);
    }
    // jain-sip queues writes for its selector thread: closing at once would drop the 400.
    CLOSE_LATER.execute(connection::closeConnection);
  }

  /** RFC 3261 §8.2.2: a 400 for a request other than ACK; a broken response is dropped. */
  private void rejectRequest(String text, String reason) {
    if (text.startsWith("SIP/") || text.startsWith("ACK ")) {
      return;
    }
    // The reason is ours, never the parser's message: that can hold the sender's bytes, even line
    // breaks, which would end up in our status line.
    Optional<String> badRequest = BadRequestResponse.of(text, reason);
    if (badRequest.isEmpty()) {
      return;
    }
    try {
      connection.send(badRequest.get().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      LOG.debug("Could not send a 400 to {}: {}", connection.peer(), e.getMessage());
    }
  }

  /**
   * The parser's callback for a header it cannot parse: a required one rejects the message (it is
   * answered with 400), any other is kept unparsed and ignored, as jain-sip does over UDP.
   */
  @Override
  public void handleException(
      ParseException ex, SIPMessage message, Class headerClass, String header, String text)
      throws ParseException {
    if (headerClass != null && REQUIRED_HEADERS.contains(headerClass)) {
      throw ex;
    }
    message.addUnparsed(header);
  }
}
