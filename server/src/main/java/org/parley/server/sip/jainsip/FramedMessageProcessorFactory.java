package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * jain-sip's NIO transports, with Parley's stream framing on TCP and TLS. Named in {@code
 * gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}; jain-sip creates it by reflection.
 */
public final class FramedMessageProcessorFactory implements MessageProcessorFactory {

  private final MessageProcessorFactory standard = new NioMessageProcessorFactory();

  @Override
  public MessageProcessor createMessageProcessor(
      SIPTransactionStack stack, InetAddress address, int port, String transport)
      throws IOException {
    if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
      return new FramedTcpMessageProcessor(address, stack, port);
    }
    if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
      return new FramedTlsMessageProcessor(address, stack, port);
    }
    return standard.createMessageProcessor(stack, address, port, transport);
  }
}
