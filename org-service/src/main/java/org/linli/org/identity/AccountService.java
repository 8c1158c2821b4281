package org.linli.org.identity;

import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import java.time.Clock;
import java.util.Set;
import org.linli.events.Topics;
import org.linli.events.org.AccountOpened;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts are made by admins inside their own scope, and never with an admin role as high as the
 * creator's own (a street admin makes community admins, not street admins). Only county admins,
 * department staff and integration clients may be county-wide; every other role names its unit.
 */
@Service
class AccountService {

    private static final Set<Role> ADMIN_ROLES = Set.of(Role.COUNTY_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_ADMIN);
    /** Roles whose work is tied to a place; an account without a unit would act county-wide. */
    private static final Set<Role> SCOPED_ROLES = Set.of(Role.STREET_ADMIN, Role.COMMUNITY_ADMIN, Role.GRID_WORKER,
            Role.PARTY_MEMBER, Role.RESIDENT, Role.PROPERTY_STAFF);

    private final AccountRepository accounts;
    private final OrgUnitDirectory units;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, OrgUnitDirectory units, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = AccountOpened.class,
            description = "a sign-in account was made (also sent once for accounts stored before the event existed)"))
    Account create(Caller caller, NewAccount request) {
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
        for (Role role : request.roles()) {
            if (ADMIN_ROLES.contains(role) && rank(role) >= highestAdminRank(caller)) {
                throw new AccessDeniedException("cannot grant " + role);
            }
        }
        boolean propertyStaff = request.roles().contains(Role.PROPERTY_STAFF);
        if (propertyStaff && request.companyId() == null) {
            throw new BusinessRuleViolation("company-required", "a PROPERTY_STAFF account needs the property company "
                    + "it works for (companyId)");
        }
        if (!propertyStaff && request.companyId() != null) {
            throw new BusinessRuleViolation("company-only-for-property-staff",
                    "only PROPERTY_STAFF accounts carry a companyId");
        }
        if (accounts.existsByUsername(request.username())) {
            throw new BusinessRuleViolation("username-taken", "username is already taken", request.username());
        }
        Account.Kind kind = request.roles().contains(Role.INTEGRATION_CLIENT) ? Account.Kind.CLIENT : Account.Kind.PERSON;
        return accounts.save(new Account(request.username(), request.displayName(), encoder.encode(request.password()),
                kind, request.roles(), request.orgUnitId(), path, request.companyId(), clock.instant()));
    }

    Account get(Caller caller, String id) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
        if (!caller.accountId().equals(id) && !isAdminOver(caller, account)) {
            throw new AccessDeniedException("account outside the caller's scope");
        }
        return account;
    }

    Page<Account> list(Caller caller, Pageable pageable) {
        return caller.isCountyWide() ? accounts.findAll(pageable)
                : accounts.findByOrgUnitPathStartingWith(caller.orgUnitPath(), pageable);
    }

    private static boolean isAdminOver(Caller caller, Account account) {
        return highestAdminRank(caller) > 0 && (caller.isCountyWide() || caller.covers(account.orgUnitPath()));
    }

    private static int highestAdminRank(Caller caller) {
        return caller.roles().stream().map(Role::valueOf).mapToInt(AccountService::rank).max().orElse(0);
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
