package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.linli.platform.web.Caller;
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

@Tag(name = "Accounts", description = "People and county systems that sign in, with roles and an org-unit scope")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    @Operation(summary = "Create an account",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN, inside their own scope, granting admin roles "
                    + "only below their own (else 403). PROPERTY_STAFF needs companyId (422 company-required); other "
                    + "roles may not carry one (422 company-only-for-property-staff). 404 unknown org unit, 422 username taken.")
    @PostMapping
    @PreAuthorize("hasAnyRole('COUNTY_ADMIN','STREET_ADMIN','COMMUNITY_ADMIN')")
    ResponseEntity<AccountResponse> create(Caller caller, @Valid @RequestBody CreateAccountRequest request) {
        Account account = service.create(caller, new AccountService.NewAccount(request.username(), request.displayName(),
                request.password(), request.roles(), request.orgUnitId(), request.companyId()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(AccountResponse.of(account));
    }

    @Operation(summary = "The calling account", description = "Any signed-in account.")
    @GetMapping("/me")
    AccountResponse me(Caller caller) {
        return AccountResponse.of(service.get(caller, caller.accountId()));
    }

    @Operation(summary = "Read an account", description = "The account itself, or an admin whose scope covers it (else 403).")
    @GetMapping("/{id}")
    AccountResponse get(Caller caller, @PathVariable String id) {
        return AccountResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List accounts in the caller's scope", description = "Roles: admins. Paged.")
    @GetMapping
    @PreAuthorize("hasAnyRole('COUNTY_ADMIN','STREET_ADMIN','COMMUNITY_ADMIN')")
    PagedModel<AccountResponse> list(Caller caller, Pageable pageable) {
        return new PagedModel<>(service.list(caller, pageable).map(AccountResponse::of));
    }

    record CreateAccountRequest(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
            @Size(max = 64) String displayName,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotEmpty Set<Role> roles,
            @Size(max = 64) String orgUnitId,
            @Size(max = 64) String companyId) {
    }

    record AccountResponse(String id, String username, String displayName, Account.Kind kind, Set<Role> roles,
                           String orgUnitId, String companyId, Instant createdAt) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.username(), account.displayName(), account.kind(),
                    account.roles(), account.orgUnitId(), account.companyId(), account.createdAt());
        }
    }
}
