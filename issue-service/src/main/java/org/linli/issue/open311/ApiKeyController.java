package org.linli.issue.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Open311 API keys", description = "Keys of county systems that use the Open311 GeoReport v2 API")
@RestController
@RequestMapping("/api/v1/issues/api-keys")
@PreAuthorize("hasRole('" + Roles.COUNTY_ADMIN + "')")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an Open311 API key", description = "Role: COUNTY_ADMIN. The key is in this answer "
            + "only (only its SHA-256 is stored).")
    @PostMapping
    ResponseEntity<CreatedKeyResponse> create(Caller caller, @Valid @RequestBody CreateRequest request) {
        ApiKeys.Created created = keys.create(request.name(), caller.accountId());
        return ResponseEntity.created(URI.create("/api/v1/issues/api-keys/" + created.apiKey().id()))
                .body(new CreatedKeyResponse(KeyResponse.of(created.apiKey()), created.key()));
    }

    @Operation(summary = "List Open311 API keys (without the keys)", description = "Role: COUNTY_ADMIN; paged.")
    @GetMapping
    PagedModel<KeyResponse> list(Pageable pageable) {
        return new PagedModel<>(keys.list(pageable).map(KeyResponse::of));
    }

    @Operation(summary = "Revoke an Open311 API key", description = "Role: COUNTY_ADMIN; 404 unknown id; 422 "
            + "api-key-revoked.")
    @PostMapping("/{id}/revocation")
    KeyResponse revoke(@PathVariable String id) {
        return KeyResponse.of(keys.revoke(id));
    }

    record CreateRequest(@NotBlank @Size(max = 100) String name) {
    }

    record KeyResponse(String id, String name, boolean active, String createdBy, Instant createdAt, Instant revokedAt) {
        static KeyResponse of(ApiKey key) {
            return new KeyResponse(key.id(), key.name(), key.active(), key.createdBy(), key.createdAt(),
                    key.revokedAt());
        }
    }

    record CreatedKeyResponse(KeyResponse apiKey, String key) {
    }
}
