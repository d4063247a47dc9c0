package org.parley.server.sip.jainsip;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/** jain-sip's NIO TLS listener whose connections, both ways, use Parley's framing. */
final class FramedTlsMessageProcessor extends NioTlsMessageProcessor {

  FramedTlsMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) {
    super(address, stack, port);
  }

  @Override
  public NioTcpMessageChannel createMessageChannel(
      NioTcpMessageProcessor processor, SocketChannel socket) throws IOException {
    NioTcpMessageChannel channel = nioHandler.getMessageChannel(socket);
    if (channel == null) {
      channel = new FramedTlsMessageChannel(processor, socket);
      nioHandler.putMessageChannel(socket, channel);
    }
    return channel;
  }

  @Override
  public MessageChannel createMessageChannel(HostPort target) throws IOException {
    return createMessageChannel(target.getInetAddress(), target.getPort());
  }

  @Override
  public synchronized MessageChannel createMessageChannel(InetAddress host, int port)
      throws IOException {
    String key = MessageChannel.getKey(host, port, transport);
    ConnectionOrientedMessageChannel channel = messageChannels.get(key);
    if (channel == null) {
      channel = new FramedTlsMessageChannel(host, port, sipStack, this);
      messageChannels.put(key, channel);
      selector.wakeup();
    }
    return channel;
  }
}
