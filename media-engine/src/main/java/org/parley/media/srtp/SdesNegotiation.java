package org.parley.media.srtp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.parley.media.sdp.Attribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SDES offer/answer (RFC 4568 §7) for one media stream: offer every suite Parley supports with
 * fresh keys, answer with the first usable offered line, and check the answer to our offer.
 */
public final class SdesNegotiation {

  private static final Logger LOG = LoggerFactory.getLogger(SdesNegotiation.class);

  private final SecureRandom random;

  public SdesNegotiation(SecureRandom random) {
    this.random = random;
  }

  /** One line per supported suite, strongest first, tags from 1, each with its own fresh key. */
  public List<SdesCrypto> createOffer() {
    List<SdesCrypto> offer = new ArrayList<>();
    int tag = 1;
    for (SrtpSuite suite : SrtpSuite.values()) {
      offer.add(SdesCrypto.of(tag++, suite, newKey()));
    }
    return List.copyOf(offer);
  }

  /**
   * Answers an offer's crypto attributes with the first line Parley can use (the offerer lists them
   * in preference order), echoing its tag and suite with a key of our own.
   *
   * @param offered the attributes of the offered media description; others than crypto are ignored
   * @return the agreement; its answer line is {@link #answerLine(SdesAgreement)}
   * @throws SdesException if no offered line is usable
   */
  public SdesAgreement answer(List<Attribute> offered) throws SdesException {
    for (Attribute attribute : offered) {
      if (!SdesCrypto.ATTRIBUTE_NAME.equals(attribute.name())) {
        continue;
      }
      SdesCrypto line;
      try {
        line = SdesCrypto.fromAttribute(attribute);
      } catch (SdesException e) {
        LOG.debug("Skipping a malformed offered crypto line: {}", e.getMessage());
        continue;
      }
      if (line.isUsable()) {
        SrtpSuite suite = line.suite().orElseThrow();
        return new SdesAgreement(suite, line.tag(), newKey(), line.masterKey());
      }
      LOG.debug("Skipping offered crypto line we cannot use: {}", line);
    }
    throw new SdesException("no offered crypto line has a suite and key form Parley supports");
  }

  /** The {@code a=crypto} line that carries an answer's key back to the offerer. */
  public static SdesCrypto answerLine(SdesAgreement agreement) {
    return SdesCrypto.of(agreement.tag(), agreement.suite(), agreement.sendingKey());
  }

  /**
   * Checks the answer to our offer: exactly one crypto line, with the tag and suite of a line we
   * offered, and a key Parley can use.
   *
   * @param offer the lines we offered
   * @param answered the attributes of the answered media description
   * @throws SdesException if the answer is missing, malformed or does not match the offer
   */
  public SdesAgreement accept(List<SdesCrypto> offer, List<Attribute> answered)
      throws SdesException {
    List<Attribute> cryptoLines =
        answered.stream().filter(a -> SdesCrypto.ATTRIBUTE_NAME.equals(a.name())).toList();
    if (cryptoLines.size() != 1) {
      throw new SdesException(
          "an SDES answer must carry exactly one crypto line, found " + cryptoLines.size());
    }
    SdesCrypto answer = SdesCrypto.fromAttribute(cryptoLines.get(0));
    SdesCrypto offeredLine =
        offer.stream()
            .filter(line -> line.tag() == answer.tag())
            .findFirst()
            .orElseThrow(
                () -> new SdesException("answer tag " + answer.tag() + " was not offered"));
    if (!offeredLine.suiteName().equals(answer.suiteName())) {
      throw new SdesException(
          "answer changed the suite of tag "
              + answer.tag()
              + " from "
              + offeredLine.suiteName()
              + " to "
              + answer.suiteName());
    }
    if (!answer.isUsable()) {
      throw new SdesException("answer's key form is not supported: " + answer);
    }
    return new SdesAgreement(
        answer.suite().orElseThrow(), answer.tag(), offeredLine.masterKey(), answer.masterKey());
  }

  private SrtpMasterKey newKey() {
    byte[] key = new byte[SrtpSuite.MASTER_KEY_LENGTH_BYTES];
    byte[] salt = new byte[SrtpSuite.MASTER_SALT_LENGTH_BYTES];
    random.nextBytes(key);
    random.nextBytes(salt);
    return new SrtpMasterKey(key, salt);
  }
}
