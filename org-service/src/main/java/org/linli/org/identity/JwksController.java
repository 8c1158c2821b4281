package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth")
@RestController
class JwksController {

    private static final String SECURITY_ADMINS = "hasRole('" + Roles.SECURITY_ADMIN + "')";

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;

    JwksController(SigningKeys keys, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Public keys that verify Linli access tokens (JWKS)",
            description = "Public. The current key and, after a rotation, the one before it.")
    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return keys.publicSet().toJSONObject(true);
    }

    @Operation(summary = "Rotate the token signing key",
            description = "Role: SECURITY_ADMIN (county-wide; else 403). A new key signs from now on; the current one "
                    + "stays in the JWKS so the tokens it signed verify until they expire; the one before leaves. 422 "
                    + "rotation-too-soon within one access-token lifetime of the last rotation. Refresh tokens are "
                    + "not signed and keep working.")
    @PostMapping("/api/v1/signing-keys/rotation")
    @PreAuthorize(SECURITY_ADMINS)
    SigningKeys.Rotation rotateSigningKey() {
        return keys.rotate(properties.accessTokenTtl(), clock.instant());
    }
}
