package org.linli.org.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.linli.platform.web.Caller;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.stereotype.Service;

/**
 * The three grants of {@code POST /api/v1/auth/token} (password, refresh_token and client_credentials) and the
 * holder's own password change, which needs no token (an initial or expired password gets none) but counts wrong
 * current passwords towards the lockout exactly as a sign-in does.
 */
@Service
class TokenService {

    private static final int MAX_CONCURRENT_ATTEMPTS = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder encoder;
    private final JwtEncoder jwtEncoder;
    private final IdentityProperties properties;
    private final Clock clock;

    TokenService(AccountRepository accounts, RefreshTokenRepository refreshTokens, PasswordEncoder encoder,
                 JwtEncoder jwtEncoder, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.encoder = encoder;
        this.jwtEncoder = jwtEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    TokenResponse password(String username, String password) {
        Account account = authenticate(username, password, Account.Kind.PERSON);
        refuseBarrier(account);
        return issue(account, true);
    }

    TokenResponse clientCredentials(String clientId, String clientSecret) {
        Account client = authenticate(clientId, clientSecret, Account.Kind.CLIENT);
        refuseBarrier(client);
        return issue(client, false);
    }

    /**
     * The holder changes their password: the current one is checked (and a wrong one counted) as at sign-in; the
     * new one must meet the policy and not repeat the last ones. Ends the account's sessions.
     */
    void changePassword(String username, String currentPassword, String newPassword) {
        for (int attempt = 1; ; attempt++) {
            try {
                Account account = authenticateOnce(username, currentPassword, Account.Kind.PERSON);
                if (account.isDisabled()) {
                    throw new SignInRefused(Account.SignInBarrier.DISABLED.code());
                }
                account.changePassword(newPassword, encoder, properties.passwordPolicy(), clock.instant());
                accounts.save(account);
                refreshTokens.deleteByAccountId(account.id());
                return;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt == MAX_CONCURRENT_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    private void refuseBarrier(Account account) {
        Account.SignInBarrier barrier = account.barrier(properties.passwordPolicy(), clock.instant());
        if (barrier != Account.SignInBarrier.NONE) {
            throw new SignInRefused(barrier.code());
        }
    }

    TokenResponse refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        RefreshToken stored = refreshTokens.findById(hash)
                .filter(token -> token.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new AuthenticationFailed("invalid-refresh-token"));
        refreshTokens.deleteById(hash);
        Account account = accounts.findById(stored.accountId())
                .filter(found -> !found.isLocked(clock.instant())
                        && found.barrier(properties.passwordPolicy(), clock.instant()) == Account.SignInBarrier.NONE)
                .orElseThrow(() -> new AuthenticationFailed("invalid-refresh-token"));
        return issue(account, true);
    }

    /**
     * Checks the secret and records the attempt on the account (a successful sign-in of an account with a
     * clean record writes nothing). Two sign-ins of one account at the same moment (an app on two phones,
     * a script) that both write race for the account's version; the loser reads the account again and
     * records its attempt on top, so a correct password never answers 409.
     */
    private Account authenticate(String username, String secret, Account.Kind kind) {
        for (int attempt = 1; ; attempt++) {
            try {
                return authenticateOnce(username, secret, kind);
            } catch (OptimisticLockingFailureException concurrentSignIn) {
                if (attempt == MAX_CONCURRENT_ATTEMPTS) {
                    throw concurrentSignIn;
                }
            }
        }
    }

    private Account authenticateOnce(String username, String secret, Account.Kind kind) {
        Instant now = clock.instant();
        Account account = accounts.findByUsername(username).filter(found -> found.kind() == kind).orElse(null);
        if (account == null) {
            encoder.matches(secret, encoder.encode("timing-equaliser"));
            throw new AuthenticationFailed("invalid-credentials");
        }
        boolean clean = account.hasCleanRecord();
        Account.LoginOutcome outcome = account.attempt(secret,
                encoder, new Account.LockoutPolicy(properties.maxFailedLogins(), properties.lockDuration()), now);
        if (outcome != Account.LoginOutcome.SUCCESS || !clean) {
            accounts.save(account);
        }
        return switch (outcome) {
            case SUCCESS -> account;
            case LOCKED -> throw new AuthenticationFailed("account-locked", account.lockRemaining(now));
            case WRONG_SECRET -> throw new AuthenticationFailed("invalid-credentials");
        };
    }

    private TokenResponse issue(Account account, boolean withRefreshToken) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .subject(account.id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(Caller.CLAIM_USERNAME, account.username())
                .claim(Caller.CLAIM_ROLES, account.roles().stream().map(Enum::name).sorted().toList());
        if (account.orgUnitId() != null) {
            claims.claim(Caller.CLAIM_ORG_UNIT, account.orgUnitId()).claim(Caller.CLAIM_ORG_UNIT_PATH, account.orgUnitPath());
        }
        if (account.companyId() != null) {
            claims.claim(Caller.CLAIM_COMPANY, account.companyId());
        }
        String accessToken = jwtEncoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
        String refreshToken = null;
        if (withRefreshToken) {
            refreshToken = randomToken();
            refreshTokens.save(new RefreshToken(sha256(refreshToken), account.id(), now.plus(properties.refreshTokenTtl())));
        }
        return new TokenResponse(accessToken, "Bearer", properties.accessTokenTtl().toSeconds(), refreshToken);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
