package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/** jain-sip's NIO TCP channel with Parley's framing (see {@link StreamMessageReader}). */
final class FramedTcpMessageChannel extends NioTcpMessageChannel
    implements StreamMessageReader.Connection {

  private final StreamMessageReader reader;

  /** A connection a peer opened to us. */
  FramedTcpMessageChannel(NioTcpMessageProcessor processor, SocketChannel socket)
      throws IOException {
    super(processor, socket);
    // What jain-sip's processor sets on the channels it makes itself.
    messageProcessor = processor;
    reader = new StreamMessageReader(this, processor.getSIPStack().getMaxMessageSize());
  }

  /** A connection we open to a peer. */
  FramedTcpMessageChannel(
      InetAddress address, int port, SIPTransactionStack stack, NioTcpMessageProcessor processor)
      throws IOException {
    super(address, port, stack, processor);
    reader = new StreamMessageReader(this, stack.getMaxMessageSize());
  }

  @Override
  protected void addBytes(byte[] bytes) {
    reader.add(bytes);
  }

  @Override
  public SIPTransactionStack stack() {
    return sipStack;
  }

  @Override
  public void process(SIPMessage message) throws Exception {
    processMessage(message);
  }

  @Override
  public void send(byte[] bytes) throws IOException {
    sendMessage(bytes, false);
  }

  @Override
  public void sendPong() throws Exception {
    sendSingleCLRF();
  }

  @Override
  public void pongReceived() {
    cancelPingKeepAliveTimeoutTaskIfStarted();
  }

  @Override
  public void closeConnection() {
    close(true, true);
  }

  @Override
  public String peer() {
    return getPeerAddress() + ":" + getPeerPort();
  }
}
