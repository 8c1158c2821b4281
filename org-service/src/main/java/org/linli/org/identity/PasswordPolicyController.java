package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth")
@RestController
class PasswordPolicyController {

    private static final String POLICY_READERS = "hasAnyRole('" + Roles.SECURITY_ADMIN + "','" + Roles.SYSTEM_ADMIN
            + "')";

    private final PasswordPolicy policy;

    PasswordPolicyController(IdentityProperties properties) {
        this.policy = properties.passwordPolicy();
    }

    @Operation(summary = "The password rules in force (linli.identity.password-policy.*)",
            description = "Roles: SECURITY_ADMIN, SYSTEM_ADMIN (county-wide; else 403). maxAge null = passwords do not "
                    + "expire.")
    @GetMapping("/api/v1/auth/password-policy")
    @PreAuthorize(POLICY_READERS)
    PolicyResponse getPasswordPolicy() {
        return new PolicyResponse(policy.minLength(), PasswordPolicy.MAX_BYTES, policy.minCharacterClasses(),
                policy.maxAge(), policy.history());
    }

    /**
     * @param maxBytes            longest password in UTF-8 bytes
     * @param minCharacterClasses of lower case, upper case, digits and symbols
     * @param maxAge              ISO-8601 duration, {@code null} when passwords do not expire
     * @param history             the last N passwords (the current one included) a change may not repeat
     */
    record PolicyResponse(int minLength, int maxBytes, int minCharacterClasses, Duration maxAge, int history) {
    }
}
