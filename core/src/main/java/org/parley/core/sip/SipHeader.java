package org.parley.core.sip;

/** One header of a request the core builds, by name and value as they appear on the wire. */
public record SipHeader(String name, String value) {}
