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
 * {@code LINLI_ADMIN_PASSWORD}; when that is unset it is generated once, printed once and kept in
 * {@code <data-dir>/admin-password} readable by the owner only.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

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
            password = generated();
            Path file = properties.dataDir().resolve(PASSWORD_FILE);
            OwnerOnlyFiles.write(file, password);
            System.out.printf("%n  Linli bootstrap administrator: %s / %s%n  (stored in %s, readable by its owner only)%n%n",
                    ADMIN, password, file.toAbsolutePath());
        }
        accounts.save(new Account(ADMIN, "County administrator", encoder.encode(password), Account.Kind.PERSON,
                Set.of(Role.COUNTY_ADMIN), null, null, null, clock.instant()));
        log.info("created the bootstrap administrator account '{}'", ADMIN);
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
