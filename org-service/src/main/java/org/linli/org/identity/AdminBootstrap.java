package org.linli.org.identity;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the county-wide administrator {@code admin} exists. Its password comes from
 * {@code LINLI_ADMIN_PASSWORD}; when that is unset it is generated once (24 random characters that meet the
 * password policy), printed once and kept in {@code <data-dir>/admin-password} readable by the owner only.
 *
 * <p>It is exempt from the forced change of initial passwords: the scripts and tools sign in with the password in
 * that file or variable, and {@code admin} exists to hand its powers to the three duties (三员分立), after which a
 * system administrator disables it. It is the only account that may create the first account of each duty.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";
    private static final int GENERATED_LENGTH = 24;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder encoder, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsByUsername(ADMIN)) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            password = generated(properties.passwordPolicy());
            Path file = properties.dataDir().resolve(PASSWORD_FILE);
            OwnerOnlyFiles.write(file, password);
            System.out.printf("%n  Linli bootstrap administrator: %s / %s%n  (stored in %s, readable by its owner only)%n%n",
                    ADMIN, password, file.toAbsolutePath());
        } else if (!properties.passwordPolicy().unmetRules(password).isEmpty()) {
            log.warn("LINLI_ADMIN_PASSWORD breaks the password policy ({}); use it only until the handover to the "
                    + "three administrators, then disable '{}'", properties.passwordPolicy().unmetRules(password), ADMIN);
        }
        accounts.save(new Account(ADMIN, "County administrator", encoder.encode(password), Account.Kind.PERSON,
                Set.of(Role.COUNTY_ADMIN), null, null, null, false, clock.instant()));
        log.info("created the bootstrap administrator account '{}'", ADMIN);
    }

    /** Random characters, drawn again in the rare case they miss a character class the policy asks for. */
    static String generated(PasswordPolicy policy) {
        SecureRandom random = new SecureRandom();
        int length = Math.max(GENERATED_LENGTH, policy.minLength());
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < length; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (policy.unmetRules(password.toString()).isEmpty()) {
                return password.toString();
            }
        }
    }
}
