package org.linli.platform.audit;

/**
 * How the token endpoint tells the audit trail what a sign-in attempted: the grant type and the username
 * (or client id) given, never the password or secret. The request's record, success or failure, carries it.
 */
public final class SignIns {

    private SignIns() {
    }

    public static void attempt(String grantType, String username) {
        AuditExchange exchange = AuditExchange.current();
        if (exchange != null) {
            exchange.signIn(new AuditRecord.SignIn(capped(grantType, 64), capped(username, 128)));
        }
    }

    /** Whatever a client sent, at most {@code length} characters of it. */
    private static String capped(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length) + "…";
    }
}
