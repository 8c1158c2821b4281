package org.linli.property.courier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.property.CourierVerified;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.MobileNumber;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.linli.property.copies.OrgAndGridCopies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Couriers' and riders' registrations (新就业群体), the community's check, the push to the property companies of the
 * compounds in the area and the companies' access decisions. Scope: a courier acts on their own registrations;
 * COMMUNITY_ADMIN and GRID_WORKER register couriers in their subtree; COMMUNITY_ADMIN and STREET_ADMIN covering the
 * area verify; PROPERTY_STAFF decide for the compounds their company serves today.
 */
@Service
class CourierService {

    /** Org unit types a courier may name as the area they serve. */
    static final Set<String> AREA_TYPES = Set.of("COMMUNITY_COMMITTEE", "STREET_COMMITTEE", "TOWNSHIP_COMMITTEE");
    static final Set<String> REGISTRARS = Set.of(Roles.COMMUNITY_ADMIN, Roles.GRID_WORKER);
    static final Set<String> VERIFIERS = Set.of(Roles.COMMUNITY_ADMIN, Roles.STREET_ADMIN);
    static final Set<String> STAFF = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.GRID_WORKER);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "registeredAt");
    private static final Sort OLDEST_FIRST = Sort.by("requestedAt", "_id");

    private final MongoOperations mongo;
    private final OrgAndGridCopies copies;
    private final Compounds compounds;
    private final Clock clock;

    CourierService(MongoOperations mongo, OrgAndGridCopies copies, Compounds compounds, Clock clock) {
        this.mongo = mongo;
        this.copies = copies;
        this.compounds = compounds;
        this.clock = clock;
    }

    /**
     * A registration: a resident for themselves (their account), or a community admin or grid worker covering the
     * area for a courier ({@code accountId}: the courier's account, if they have one). One open registration per
     * account and area: the read refuses a repeat (422 courier-already-registered), the unique {@code openKey} a
     * concurrent one that passed the read too (409 already-exists).
     */
    CourierRegistration register(Caller caller, Details details) {
        CourierRegistration.Area area = area(details.areaUnitId());
        String account = details.accountId();
        if (anyRole(caller, REGISTRARS)) {
            if (!caller.covers(area.path())) {
                throw new AccessDeniedException("area " + area.unitId() + " is outside the caller's scope");
            }
        } else if (account != null && !account.equals(caller.accountId())) {
            throw new AccessDeniedException("a courier registers themselves only");
        } else {
            account = caller.accountId();
        }
        MobileNumber phone = new MobileNumber(details.phone());
        if (account != null && openRegistrationExists(account, area.unitId())) {
            throw new BusinessRuleViolation("courier-already-registered",
                    "the account already has a pending or verified registration for this area", area.unitId());
        }
        return mongo.insert(CourierRegistration.register(account, details.personName(), details.kind(),
                details.company(), phone, area, caller.accountId(), clock.instant()));
    }

    private boolean openRegistrationExists(String accountId, String areaUnitId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), CourierRegistration.class).stream()
                .anyMatch(registration -> registration.open() && registration.areaUnitId().equals(areaUnitId));
    }

    private CourierRegistration.Area area(String unitId) {
        return copies.orgUnit(unitId).filter(unit -> AREA_TYPES.contains(unit.unitType()))
                .map(unit -> new CourierRegistration.Area(unit.id(), unit.name(), unit.path()))
                .orElseThrow(() -> new BusinessRuleViolation("unknown-area",
                        "the area is not a known community or street", unitId));
    }

    /** Registrations in the staff member's subtree (through the prefix index on areaPath), by status if given. */
    Page<CourierRegistration> list(Caller caller, CourierRegistration.Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        String scope = caller.isCountyWide() ? "/" : caller.orgUnitPath();
        filters.add(Criteria.where("areaPath").regex("^" + Pattern.quote(scope)));
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(ordered(pageable, NEWEST_FIRST)),
                pageable, CourierRegistration.class);
    }

    /** The caller's own registrations (by account), newest first. */
    Page<CourierRegistration> mine(Caller caller, Pageable pageable) {
        Query query = Query.query(Criteria.where("accountId").is(caller.accountId()))
                .with(ordered(pageable, NEWEST_FIRST));
        return MongoPages.page(mongo, query, pageable, CourierRegistration.class);
    }

    /** The page in the list's fixed order (a client's sort is ignored: no sorting by personal data). */
    private static Pageable ordered(Pageable pageable, Sort order) {
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), order);
    }

    /** A registration for its courier, or staff covering its area (403 otherwise, 404 unknown). */
    CourierRegistration get(Caller caller, String id) {
        CourierRegistration registration = find(id);
        boolean staff = anyRole(caller, STAFF) && caller.covers(registration.areaPath());
        if (!registration.heldBy(caller.accountId()) && !staff) {
            throw new AccessDeniedException("courier registration " + id + " is outside the caller's scope");
        }
        return registration;
    }

    /** The registration's access requests, one per compound of its area, by compound name. */
    List<AccessRequest> accessRequestsOf(CourierRegistration registration) {
        return mongo.find(Query.query(Criteria.where("registrationId").is(registration.id())), AccessRequest.class)
                .stream().sorted(Comparator.comparing(AccessRequest::compoundName)).toList();
    }

    /**
     * Verifies (recording {@link CourierVerified}), then pushes the registration to the compounds of its area (again, if
     * a push was interrupted).
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = CourierVerified.class,
            description = "a courier's or rider's registration was verified by the community"))
    CourierRegistration verify(Caller caller, String id) {
        CourierRegistration registration = verifiable(caller, id);
        registration.verify(caller.accountId(), clock.instant());
        return push(mongo.save(registration));
    }

    CourierRegistration reject(Caller caller, String id, String reason) {
        CourierRegistration registration = verifiable(caller, id);
        registration.reject(reason, caller.accountId(), clock.instant());
        return mongo.save(registration);
    }

    private CourierRegistration verifiable(Caller caller, String id) {
        CourierRegistration registration = find(id);
        if (!anyRole(caller, VERIFIERS) || !caller.covers(registration.areaPath())) {
            throw new AccessDeniedException("courier registration " + id + " is not the caller's to verify");
        }
        return registration;
    }

    /**
     * One access request per compound whose community lies in the area (prefix on the indexed communityPath);
     * keyed, so an interrupted push resumed creates each once. Compounds registered later are not pushed to.
     */
    private CourierRegistration push(CourierRegistration registration) {
        if (!registration.pushDue()) {
            return registration;
        }
        List<Compound> inArea = compounds.under(registration.areaPath());
        for (Compound compound : inArea) {
            String requestId = AccessRequest.idOf(registration.id(), compound.id());
            if (mongo.exists(Query.query(Criteria.where("_id").is(requestId)), AccessRequest.class)) {
                continue;
            }
            try {
                mongo.insert(AccessRequest.of(registration.id(), compound.id(), compound.name(),
                        clock.instant()));
            } catch (DuplicateKeyException concurrent) {
                // another verifier's resumed push created it in the meantime
            }
        }
        registration.pushed(inArea.size(), clock.instant());
        return mongo.save(registration);
    }

    /**
     * The access requests of the compounds the caller's company serves today (PROPERTY_STAFF), by status
     * (default PENDING), oldest first; with their registrations.
     */
    Page<AccessRequest> accessRequests(Caller caller, AccessRequest.Status status, Pageable pageable) {
        List<String> served = compounds.servedToday(caller).stream().map(Compound::id).toList();
        Query query = Query.query(Criteria.where("compoundId").in(served)
                        .and("status").is(status == null ? AccessRequest.Status.PENDING : status))
                .with(ordered(pageable, OLDEST_FIRST));
        return MongoPages.page(mongo, query, pageable, AccessRequest.class);
    }

    /** The registrations behind some access requests, by id (one query on _id). */
    Map<String, CourierRegistration> registrationsOf(List<AccessRequest> requests) {
        Set<String> ids = requests.stream().map(AccessRequest::registrationId).collect(Collectors.toSet());
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), CourierRegistration.class).stream()
                .collect(Collectors.toMap(CourierRegistration::id, Function.identity()));
    }

    /** The company serving the compound today grants or refuses the courier access (403 for anyone else). */
    AccessRequest decide(Caller caller, String requestId, boolean grant, String reason) {
        AccessRequest request = mongo.findById(requestId, AccessRequest.class);
        if (request == null) {
            throw new NotFoundException("courier-access-request", requestId);
        }
        if (!caller.hasRole(Roles.PROPERTY_STAFF) || !compounds.sees(caller, compounds.require(request.compoundId()))) {
            throw new AccessDeniedException("compound " + request.compoundId()
                    + " is not served by the caller's company");
        }
        request.decide(grant, reason, caller.accountId(), clock.instant());
        return mongo.save(request);
    }

    CourierRegistration find(String id) {
        CourierRegistration registration = mongo.findById(id, CourierRegistration.class);
        if (registration == null) {
            throw new NotFoundException("courier-registration", id);
        }
        return registration;
    }

    private static boolean anyRole(Caller caller, Set<String> roles) {
        return roles.stream().anyMatch(caller::hasRole);
    }

    /** What a registration states. */
    record Details(String accountId, String personName, CourierKind kind, String company, String phone,
                   String areaUnitId) {
    }
}
