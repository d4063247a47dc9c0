package org.parley.core.voicemail;

/** A visual-voicemail request failed; {@link #reason()} says why in terms a UI can act on. */
public final class VoicemailException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a request failed. */
  public enum Reason {
    /** 401: the user name or password is wrong. */
    UNAUTHORIZED,
    /** 403: the server refuses this client, e.g. the API answers only on its own machine. */
    FORBIDDEN,
    /** 404: the message is gone (deleted elsewhere) or the API is not at that address. */
    NOT_FOUND,
    /** No connection, a timeout, or an answer that is not HTTP. */
    UNREACHABLE,
    /** 400 or 413: the server refused what was sent (a greeting in the wrong format, say). */
    REJECTED,
    /** 5xx, or an answer we cannot read. */
    SERVER_ERROR,
    /** A local file (the cache, a greeting to upload) could not be read or written. */
    CACHE,
    /** Nothing was sent: plain HTTP to another machine would expose the password (ADR 0034). */
    INSECURE,
    /** The HTTPS server's certificate is not trusted or does not name the account's domain. */
    UNTRUSTED
  }

  private final Reason reason;
  private final int statusCode;

  public VoicemailException(Reason reason, int statusCode, String message) {
    super(message);
    this.reason = reason;
    this.statusCode = statusCode;
  }

  public VoicemailException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.statusCode = 0;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status, 0 when no response came. */
  public int statusCode() {
    return statusCode;
  }

  /** The reason a status stands for. */
  static Reason forStatus(int status) {
    return switch (status) {
      case 401 -> Reason.UNAUTHORIZED;
      case 403 -> Reason.FORBIDDEN;
      case 404, 410 -> Reason.NOT_FOUND;
      case 400, 413, 415, 422 -> Reason.REJECTED;
      default -> Reason.SERVER_ERROR;
    };
  }
}
