package org.linli.org.identity;

import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import java.time.Clock;
import java.util.Set;
import org.linli.events.Topics;
import org.linli.events.org.AccountOpened;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts are made by admins inside their own scope, and never with an admin role as high as the
 * creator's own (a street admin makes community admins, not street admins). Only county admins,
 * department staff and integration clients may be county-wide; every other role names its unit.
 *
 * <p>The separated duties (三员分立, {@link Duties}): the system administrator makes accounts with business roles
 * (or none), disables and enables them and resets passwords; the security administrator changes the roles of
 * existing accounts (the duties included) and lifts lockouts; neither does the other's work. Only the bootstrap
 * {@code admin} creates an account with a duty, the first of each; afterwards duties are granted by the security
 * administrator. Once a duty has a holder, one enabled holder always remains.
 */
@Service
class AccountService {

    private static final Set<Role> ADMIN_ROLES = Set.of(Role.COUNTY_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_ADMIN);
    /** Roles whose work is tied to a place; an account without a unit would act county-wide. */
    private static final Set<Role> SCOPED_ROLES = Set.of(Role.STREET_ADMIN, Role.COMMUNITY_ADMIN, Role.GRID_WORKER,
            Role.PARTY_MEMBER, Role.RESIDENT, Role.PROPERTY_STAFF);
    /** Above every business admin rank: the system administrator may give any business role. */
    private static final int SYSTEM_ADMIN_RANK = 4;

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final OrgUnitDirectory units;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;

    AccountService(AccountRepository accounts, RefreshTokenRepository refreshTokens, OrgUnitDirectory units,
                   PasswordEncoder encoder, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.units = units;
        this.encoder = encoder;
        this.policy = properties.passwordPolicy();
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = AccountOpened.class,
            description = "a sign-in account was made (also sent once for accounts stored before the event existed)"))
    Account create(Caller caller, NewAccount request) {
        boolean systemAdmin = caller.hasRole(Role.SYSTEM_ADMIN.name());
        if (request.roles().isEmpty() && !systemAdmin) {
            throw new BusinessRuleViolation("roles-required", "an account needs at least one role");
        }
        String path = null;
        if (request.orgUnitId() == null && request.roles().stream().anyMatch(SCOPED_ROLES::contains)) {
            throw new BusinessRuleViolation("scope-required", "this role needs the org unit it works in",
                    request.roles().stream().filter(SCOPED_ROLES::contains).findFirst().orElseThrow());
        }
        if (request.orgUnitId() != null) {
            path = units.find(request.orgUnitId()).map(OrgUnitDirectory.UnitView::path)
                    .orElseThrow(() -> new NotFoundException("org-unit", request.orgUnitId()));
        }
        if (!caller.isCountyWide() && (path == null || !caller.covers(path))) {
            throw new AccessDeniedException("account scope outside the caller's scope");
        }
        if (Duties.anyDuty(request.roles())) {
            checkHandover(caller, request);
        }
        for (Role role : request.roles()) {
            if (ADMIN_ROLES.contains(role) && rank(role) >= highestAdminRank(caller)) {
                throw new AccessDeniedException("cannot grant " + role);
            }
        }
        checkCompany(request.roles(), request.companyId());
        if (accounts.existsByUsername(request.username())) {
            throw new BusinessRuleViolation("username-taken", "username is already taken", request.username());
        }
        policy.check(request.password());
        Account.Kind kind = request.roles().contains(Role.INTEGRATION_CLIENT) ? Account.Kind.CLIENT : Account.Kind.PERSON;
        return accounts.save(new Account(request.username(), request.displayName(), encoder.encode(request.password()),
                kind, request.roles(), request.orgUnitId(), path, request.companyId(), true, clock.instant()));
    }

    /** Only the bootstrap admin creates a duty account, the first of each duty, alone and county-wide. */
    private void checkHandover(Caller caller, NewAccount request) {
        if (!(AdminBootstrap.ADMIN.equals(caller.username()) && caller.hasRole(Role.COUNTY_ADMIN.name()))) {
            throw new AccessDeniedException("only the bootstrap admin creates the first account of a duty");
        }
        Duties.checkExclusive(request.roles(), request.orgUnitId());
        Role duty = request.roles().iterator().next();
        if (!accounts.findByRolesContaining(duty).isEmpty()) {
            throw new DutyAlreadyHandedOver(duty);
        }
    }

    private static void checkCompany(Set<Role> roles, String companyId) {
        boolean propertyStaff = roles.contains(Role.PROPERTY_STAFF);
        if (propertyStaff && companyId == null) {
            throw new BusinessRuleViolation("company-required", "a PROPERTY_STAFF account needs the property company "
                    + "it works for (companyId)");
        }
        if (!propertyStaff && companyId != null) {
            throw new BusinessRuleViolation("company-only-for-property-staff",
                    "only PROPERTY_STAFF accounts carry a companyId");
        }
    }

    Account get(Caller caller, String id) {
        Account account = find(id);
        if (!caller.accountId().equals(id) && !isAdminOver(caller, account) && !isAccountsAdmin(caller)) {
            throw new AccessDeniedException("account outside the caller's scope");
        }
        return account;
    }

    Page<Account> list(Caller caller, Pageable pageable) {
        return caller.isCountyWide() ? accounts.findAll(pageable)
                : accounts.findByOrgUnitPathStartingWith(caller.orgUnitPath(), pageable);
    }

    /** The system administrator's: the account can no longer sign in, and its sessions end. */
    Account disable(String id) {
        Account account = find(id);
        for (Role duty : account.roles()) {
            if (Duties.isDuty(duty)) {
                requireAnotherEnabledHolder(duty, account);
            }
        }
        account.disable();
        Account saved = accounts.save(account);
        refreshTokens.deleteByAccountId(id);
        return saved;
    }

    /** The system administrator's. */
    Account enable(String id) {
        Account account = find(id);
        account.enable();
        return accounts.save(account);
    }

    /** The system administrator's: a new initial password, changed by its holder before the next sign-in. */
    Account resetPassword(String id, String newPassword) {
        Account account = find(id);
        account.resetPassword(newPassword, encoder, policy, clock.instant());
        Account saved = accounts.save(account);
        refreshTokens.deleteByAccountId(id);
        return saved;
    }

    /**
     * The security administrator's: replaces an account's roles. A duty is held alone and county-wide; the last
     * enabled holder of a duty keeps it; business roles follow the rules of creation (unit, company).
     */
    Account changeRoles(String id, Set<Role> roles) {
        Account account = find(id);
        if (account.orgUnitId() == null && roles.stream().anyMatch(SCOPED_ROLES::contains)) {
            throw new BusinessRuleViolation("scope-required", "this role needs the org unit it works in",
                    roles.stream().filter(SCOPED_ROLES::contains).findFirst().orElseThrow());
        }
        if (roles.contains(Role.INTEGRATION_CLIENT) != (account.kind() == Account.Kind.CLIENT)) {
            throw new BusinessRuleViolation("client-role-fixed", "INTEGRATION_CLIENT is given at creation only, "
                    + "and an integration client keeps it");
        }
        checkCompany(roles, account.companyId());
        for (Role duty : account.roles()) {
            if (Duties.isDuty(duty) && !roles.contains(duty)) {
                requireAnotherEnabledHolder(duty, account);
            }
        }
        account.changeRoles(roles);
        return accounts.save(account);
    }

    /** The security administrator's: lifts a lockout. */
    Account unlock(String id) {
        Account account = find(id);
        account.unlock();
        return accounts.save(account);
    }

    PasswordPolicy policy() {
        return policy;
    }

    private void requireAnotherEnabledHolder(Role duty, Account leaving) {
        boolean another = accounts.findByRolesContaining(duty).stream()
                .anyMatch(holder -> !holder.id().equals(leaving.id()) && !holder.isDisabled());
        if (!another && !leaving.isDisabled()) {
            throw new BusinessRuleViolation("last-duty-holder", "the last enabled " + duty + " keeps the duty; "
                    + "grant it to another account first", duty);
        }
    }

    private Account find(String id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** The system and security administrators read every account (county-wide duties). */
    private static boolean isAccountsAdmin(Caller caller) {
        return caller.hasRole(Role.SYSTEM_ADMIN.name()) || caller.hasRole(Role.SECURITY_ADMIN.name());
    }

    private static boolean isAdminOver(Caller caller, Account account) {
        return highestAdminRank(caller) > 0 && (caller.isCountyWide() || caller.covers(account.orgUnitPath()));
    }

    private static int highestAdminRank(Caller caller) {
        if (caller.hasRole(Role.SYSTEM_ADMIN.name())) {
            return SYSTEM_ADMIN_RANK;
        }
        return caller.roles().stream().filter(AccountService::isRole).map(Role::valueOf)
                .mapToInt(AccountService::rank).max().orElse(0);
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int rank(Role role) {
        return switch (role) {
            case COUNTY_ADMIN -> 3;
            case STREET_ADMIN -> 2;
            case COMMUNITY_ADMIN -> 1;
            default -> 0;
        };
    }

    record NewAccount(String username, String displayName, String password, Set<Role> roles, String orgUnitId,
                      String companyId) {
    }
}
