package org.parley.core.sip.jainsip;

import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The provider and factories every request builder needs, created once per stack. */
record SipFactories(
    SipProvider provider,
    MessageFactory messages,
    HeaderFactory headers,
    AddressFactory addresses,
    String userAgentName) {}
