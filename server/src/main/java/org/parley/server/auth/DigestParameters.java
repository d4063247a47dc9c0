package org.parley.server.auth;

/**
 * The parameters of an {@code Authorization} or {@code Proxy-Authorization} digest response, as the
 * client sent them; any may be null when the client left it out.
 */
public record DigestParameters(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String cnonce,
    String nonceCount,
    String qop) {}
