package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

/**
 * jain-sip's parser, refusing messages that repeat a header that may appear only once. jain-sip
 * keeps the first value and drops the rest without a word, so a request with two Call-IDs or two
 * Content-Lengths (RFC 4475 §3.3.8, §3.3.9) would be processed as if it were well formed; it gets a
 * 400 instead, over UDP from jain-sip's channel and over TCP/TLS from our stream reader.
 *
 * <p>Plugged in through {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 */
public final class StrictMessageParserFactory implements MessageParserFactory {

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return new StrictParser();
  }

  private static final class StrictParser extends StringMsgParser {

    @Override
    public SIPMessage parseSIPMessage(
        byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
        throws ParseException {
      SingleValueHeaders.check(message);
      return super.parseSIPMessage(message, readBody, strict, listener);
    }
  }
}
