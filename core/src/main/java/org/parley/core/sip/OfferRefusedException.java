package org.parley.core.sip;

/** The peer's SDP offer cannot be accepted: it is answered 488 with the given warning. */
public class OfferRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient SipWarning warning;

  public OfferRefusedException(SipWarning warning) {
    super(warning.code() + " " + warning.text());
    this.warning = warning;
  }

  public SipWarning warning() {
    return warning;
  }
}
