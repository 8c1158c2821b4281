package org.linli.org.identity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code linli.identity.*}).
 *
 * @param dataDir          where the signing key and the generated admin password are kept (owner-only files)
 * @param issuer           the {@code iss} of issued tokens
 * @param accessTokenTtl   lifetime of access tokens
 * @param refreshTokenTtl  lifetime of refresh tokens
 * @param maxFailedLogins  wrong passwords in a row that lock an account
 * @param lockDuration     how long a locked account stays locked
 * @param adminPassword    the bootstrap admin's password; generated and stored in {@code dataDir} when empty
 * @param passwordPolicy   the password rules ({@code linli.identity.password-policy.*})
 */
@ConfigurationProperties("linli.identity")
public record IdentityProperties(@DefaultValue(".linli/data/org-service") Path dataDir,
                                 @DefaultValue("linli") String issuer,
                                 @DefaultValue("15m") Duration accessTokenTtl,
                                 @DefaultValue("8h") Duration refreshTokenTtl,
                                 @DefaultValue("5") int maxFailedLogins,
                                 @DefaultValue("15m") Duration lockDuration,
                                 String adminPassword,
                                 @DefaultValue PasswordPolicy passwordPolicy) {
}
