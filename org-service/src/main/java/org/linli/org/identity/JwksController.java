package org.linli.org.identity;

import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth")
@RestController
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(RSAKey signingKey) {
        this.publicKeys = SigningKey.publicSet(signingKey).toJSONObject(true);
    }

    @Operation(summary = "Public keys that verify Linli access tokens (JWKS)", description = "Public.")
    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return publicKeys;
    }
}
