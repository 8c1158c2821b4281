package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "People and county systems that sign in, with roles and an org-unit scope; "
        + "the separated administrator duties (三员分立) manage them")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private static final String ACCOUNT_CREATORS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.SYSTEM_ADMIN + "')";
    private static final String ACCOUNT_READERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.SYSTEM_ADMIN + "','"
            + Roles.SECURITY_ADMIN + "')";
    private static final String SYSTEM_ADMINS = "hasRole('" + Roles.SYSTEM_ADMIN + "')";
    private static final String SECURITY_ADMINS = "hasRole('" + Roles.SECURITY_ADMIN + "')";

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    @Operation(summary = "Create an account",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN inside their own scope, granting admin roles "
                    + "only below their own (else 403); SYSTEM_ADMIN county-wide, any business role or none. Duty roles "
                    + "(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN): only the bootstrap admin, the first account of each "
                    + "(else 403; a second one 409 duty-already-handed-over), alone and without orgUnitId (422 "
                    + "duty-roles-exclusive). The password is an initial one: its holder changes it before the first "
                    + "token (POST /api/v1/auth/password-changes); 422 weak-password (unmetRules). PROPERTY_STAFF "
                    + "needs companyId (422 company-required); other roles may not carry one (422 "
                    + "company-only-for-property-staff). 422 roles-required (empty roles, but for SYSTEM_ADMIN), "
                    + "404 unknown org unit, 422 username taken.")
    @PostMapping
    @PreAuthorize(ACCOUNT_CREATORS)
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

    @Operation(summary = "Read an account", description = "The account itself, an admin whose scope covers it, or "
            + "SYSTEM_ADMIN / SECURITY_ADMIN (county-wide); else 403. 404 unknown id.")
    @GetMapping("/{id}")
    AccountResponse get(Caller caller, @PathVariable String id) {
        return AccountResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List accounts in the caller's scope",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (their subtree), SYSTEM_ADMIN, "
                    + "SECURITY_ADMIN (county-wide). Paged.")
    @GetMapping
    @PreAuthorize(ACCOUNT_READERS)
    PagedModel<AccountResponse> list(Caller caller, Pageable pageable) {
        return new PagedModel<>(service.list(caller, pageable).map(AccountResponse::of));
    }

    @Operation(summary = "Disable an account: no sign-in, its sessions end",
            description = "Role: SYSTEM_ADMIN (county-wide; else 403). The last enabled holder of a duty stays enabled "
                    + "(422 last-duty-holder). 404 unknown id. Idempotent.")
    @PostMapping("/{id}/deactivation")
    @PreAuthorize(SYSTEM_ADMINS)
    AccountResponse disable(@PathVariable String id) {
        return AccountResponse.of(service.disable(id));
    }

    @Operation(summary = "Enable a disabled account", description = "Role: SYSTEM_ADMIN (else 403). 404 unknown id.")
    @PostMapping("/{id}/reactivation")
    @PreAuthorize(SYSTEM_ADMINS)
    AccountResponse enable(@PathVariable String id) {
        return AccountResponse.of(service.enable(id));
    }

    @Operation(summary = "Reset a password to a new initial one",
            description = "Role: SYSTEM_ADMIN (else 403). The holder must change it before the next token "
                    + "(password-change-required); the account's sessions end. 422 weak-password (unmetRules). "
                    + "404 unknown id.")
    @PostMapping("/{id}/password-resets")
    @PreAuthorize(SYSTEM_ADMINS)
    AccountResponse resetAccountPassword(@PathVariable String id, @Valid @RequestBody PasswordResetRequest request) {
        return AccountResponse.of(service.resetPassword(id, request.newPassword()));
    }

    @Operation(summary = "Replace the roles of an account",
            description = "Role: SECURITY_ADMIN (else 403), county-wide. A duty role (SYSTEM_ADMIN, SECURITY_ADMIN, "
                    + "AUDIT_ADMIN) is held alone by an account without org unit (422 duty-roles-exclusive); the last "
                    + "enabled holder of a duty keeps it (422 last-duty-holder); roles tied to a place need the "
                    + "account's org unit (422 scope-required); PROPERTY_STAFF needs the account's company (422 "
                    + "company-required); INTEGRATION_CLIENT is fixed at creation (422 client-role-fixed). Takes "
                    + "effect with the account's next token. 404 unknown id.")
    @PutMapping("/{id}/roles")
    @PreAuthorize(SECURITY_ADMINS)
    AccountResponse changeAccountRoles(@PathVariable String id, @Valid @RequestBody RolesRequest request) {
        return AccountResponse.of(service.changeRoles(id, request.roles()));
    }

    @Operation(summary = "Lift the lock of an account locked after wrong passwords",
            description = "Role: SECURITY_ADMIN (else 403). 404 unknown id. Idempotent.")
    @PostMapping("/{id}/unlock")
    @PreAuthorize(SECURITY_ADMINS)
    AccountResponse unlock(@PathVariable String id) {
        return AccountResponse.of(service.unlock(id));
    }

    record CreateAccountRequest(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
            @Size(max = 64) String displayName,
            @NotBlank @Size(max = 128) String password,
            @NotNull Set<@NotNull Role> roles,
            @Size(max = 64) String orgUnitId,
            @Size(max = 64) String companyId) {
    }

    record PasswordResetRequest(@NotBlank @Size(max = 128) String newPassword) {
    }

    record RolesRequest(@NotNull Set<@NotNull Role> roles) {
    }

    /**
     * @param disabled               the account cannot sign in
     * @param passwordChangeRequired its password is an initial one, to be changed before the next token
     */
    record AccountResponse(String id, String username, String displayName, Account.Kind kind, Set<Role> roles,
                           String orgUnitId, String companyId, Instant createdAt, boolean disabled,
                           boolean passwordChangeRequired) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.username(), account.displayName(), account.kind(),
                    account.roles(), account.orgUnitId(), account.companyId(), account.createdAt(),
                    account.isDisabled(), account.mustChangePassword());
        }
    }
}
