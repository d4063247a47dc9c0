package org.parley.core.sip.jainsip;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Gives jain-sip plain sockets and TLS sockets from the softphone's own {@link SSLContext} (whose
 * trust manager applies RFC 5922). jain-sip instantiates it by class name, so the context is found
 * by the stack's name.
 */
public final class TlsNetworkLayer implements NetworkLayer {

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final Map<String, SSLContext> BY_STACK = new ConcurrentHashMap<>();

  private SSLContext context;

  static void register(String stackName, SSLContext context) {
    BY_STACK.put(stackName, context);
  }

  static void unregister(String stackName) {
    BY_STACK.remove(stackName);
  }

  @Override
  public void setSipStack(SipStackImpl stack) {
    context = BY_STACK.get(stack.getStackName());
  }

  private SSLContext context() throws IOException {
    if (context == null) {
      throw new IOException("TLS is not set up for this SIP stack");
    }
    return context;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return new ServerSocket(port, backlog, bindAddress);
  }

  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    // The softphone has no certificate: incoming TLS connections fail their handshake. Requests
    // from our server come back over the connection we opened.
    return (SSLServerSocket)
        context().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return new Socket(address, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress myAddress)
      throws IOException {
    return myAddress == null ? new Socket(address, port) : new Socket(address, port, myAddress, 0);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort)
      throws IOException {
    return myAddress == null
        ? new Socket(address, port)
        : new Socket(address, port, myAddress, myPort);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
    return secured((SSLSocket) context().getSocketFactory().createSocket(address, port));
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress)
      throws IOException {
    SSLSocket socket =
        myAddress == null
            ? (SSLSocket) context().getSocketFactory().createSocket(address, port)
            : (SSLSocket) context().getSocketFactory().createSocket(address, port, myAddress, 0);
    return secured(socket);
  }

  private static SSLSocket secured(SSLSocket socket) {
    socket.setEnabledProtocols(PROTOCOLS);
    return socket;
  }

  @Override
  public DatagramSocket createDatagramSocket() throws SocketException {
    return new DatagramSocket();
  }

  @Override
  public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress)
      throws SocketException {
    return new DatagramSocket(port, bindAddress);
  }
}
