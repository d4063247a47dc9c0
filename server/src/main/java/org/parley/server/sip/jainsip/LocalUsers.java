package org.parley.server.sip.jainsip;

import org.parley.server.auth.AuthLookupException;

/** Whether a user name belongs to this server, to tell 404 (no such user) from 480 (offline). */
@FunctionalInterface
public interface LocalUsers {
  boolean exists(String name) throws AuthLookupException;
}
