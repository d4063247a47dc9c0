package org.parley.media.srtp;

/** SRTP could not protect a packet because the cipher failed (wraps jitsi-srtp's exceptions). */
public class SrtpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SrtpException(String message, Throwable cause) {
    super(message, cause);
  }
}
