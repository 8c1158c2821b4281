package org.linli.org.identity;

/**
 * The credentials are right but no token is issued: the account is disabled ({@code account-disabled}), its
 * initial password must be changed first ({@code password-change-required}) or its password has expired
 * ({@code password-expired}). Answers 403 problem+json with that code.
 */
class SignInRefused extends RuntimeException {

    private final String code;

    SignInRefused(String code) {
        super(code);
        this.code = code;
    }

    String code() {
        return code;
    }
}
