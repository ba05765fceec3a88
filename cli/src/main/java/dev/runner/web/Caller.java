package dev.runner.web;

import dev.runner.access.Scope;

/**
 * Who a request is from, as the audit table names them, with what it may do.
 *
 * @param who a token's name, {@code password} for a browser session, {@code local} on a loopback
 *     server asked without credentials, {@code anonymous} for no one
 * @param scope null for no one
 * @param csrf the session's CSRF token, which each of its changes must send back; null otherwise
 */
record Caller(String who, Scope scope, Kind kind, String csrf) {

  enum Kind {
    NOBODY,
    LOCAL,
    TOKEN,
    SESSION
  }

  static final Caller NOBODY = new Caller("anonymous", null, Kind.NOBODY, null);

  static Caller local(String csrf) {
    return new Caller("local", Scope.ADMIN, Kind.LOCAL, csrf);
  }

  static Caller token(String name, Scope scope) {
    return new Caller(name, scope, Kind.TOKEN, null);
  }

  static Caller session(String csrf) {
    return new Caller("password", Scope.ADMIN, Kind.SESSION, csrf);
  }
}
