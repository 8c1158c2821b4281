package org.linli.property.patrol;

import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linli.events.Topics;
import org.linli.events.property.PatrolAssignmentStarted;
import org.linli.events.property.PatrolRecorded;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.linli.property.copies.OrgAndGridCopies;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 包保 assignments of city units to difficult compounds, their patrols, and the overdue ones of an area (the
 * street's dashboard). Scope: the compound's community path, like every other compound record.
 */
@Service
public class Patrols {

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final OrgAndGridCopies copies;
    private final PropertySettings settings;
    private final Clock clock;

    Patrols(MongoOperations mongo, Compounds compounds, OrgAndGridCopies copies, PropertySettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.copies = copies;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Assigns a dual-registration unit (known from org-service's DualRegistrationUnitRegistered) to a compound the
     * caller administers; one unit per compound at a time. The overlap check reads, then inserts: two admins
     * assigning the same compound in the same instant could both pass (no multi-document transactions here).
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = PatrolAssignmentStarted.class, description = "a unit was assigned to a compound (包保)"))
    PatrolAssignment assign(Caller caller, String compoundId, String unitId, LocalDate startsOn, LocalDate endsOn,
                            int everyDays) {
        Compound compound = compounds.administered(caller, compoundId);
        String unitName = copies.dualRegistrationUnitName(unitId).orElseThrow(() -> new BusinessRuleViolation(
                "unknown-dual-registration-unit", "no dual-registration unit " + unitId + " is known", unitId));
        PatrolAssignment assignment = PatrolAssignment.assign(
                new PatrolAssignment.Target(compound.id(), compound.name(), compound.communityUnitId(),
                        compound.communityPath()), unitId, unitName,
                startsOn, endsOn, everyDays, today(), caller.accountId(), clock.instant());
        for (PatrolAssignment other : ofCompound(compound.id())) {
            if (other.overlaps(startsOn, endsOn)) {
                throw new BusinessRuleViolation("overlapping-assignment",
                        "the compound is already assigned to a unit in that period", other.unitName(),
                        other.startsOn(), other.endsOn());
            }
        }
        return mongo.insert(assignment);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = PatrolRecorded.class,
            description = "a patrol of a 包保 assignment was recorded (no names, no findings text)"))
    PatrolAssignment recordPatrol(Caller caller, String id, LocalDate patrolledOn, String patrollers, String findings,
                                  boolean problemsFound) {
        PatrolAssignment assignment = administered(caller, id);
        assignment.recordPatrol(patrolledOn, patrollers, findings, problemsFound, caller.accountId(), today(),
                clock.instant());
        return mongo.save(assignment);
    }

    PatrolAssignment get(Caller caller, String id) {
        PatrolAssignment assignment = find(id);
        if (!caller.covers(assignment.communityPath())) {
            throw new AccessDeniedException("assignment " + id + " is outside the caller's scope");
        }
        return assignment;
    }

    /** A compound's assignments, newest first (403 outside the caller's scope). */
    List<PatrolAssignment> ofCompound(Caller caller, String compoundId) {
        Compound compound = compounds.administered(caller, compoundId);
        return ofCompound(compound.id());
    }

    /** The assignments in force today under the unit's path whose patrol is overdue, longest overdue first; paged. */
    Page<PatrolAssignment> overdue(Caller caller, String unitId, Pageable pageable) {
        List<PatrolAssignment> overdue = overdueUnder(scopePath(caller, unitId));
        return MongoPages.page(overdue, pageable);
    }

    /** The assignments in force today under a path ({@code null}: the county), and the overdue ones among them. */
    public Counts counts(String path) {
        List<PatrolAssignment> inForce = inForceUnder(path);
        LocalDate today = today();
        return new Counts(inForce.size(), inForce.stream().filter(assignment -> assignment.overdueOn(today)).count());
    }

    /** The unit that answers for the compound (包保) today, if one does. */
    public Optional<AssignedUnit> assignedUnit(String compoundId) {
        LocalDate today = today();
        return ofCompound(compoundId).stream().filter(assignment -> assignment.inForceOn(today)).findFirst()
                .map(assignment -> new AssignedUnit(assignment.id(), assignment.unitId(), assignment.unitName(),
                        assignment.nextPatrolDueOn(), assignment.overdueOn(today)));
    }

    /** Whether the assignment's patrol is overdue today. */
    boolean isOverdue(PatrolAssignment assignment) {
        return assignment.overdueOn(today());
    }

    private List<PatrolAssignment> overdueUnder(String path) {
        LocalDate today = today();
        return inForceUnder(path).stream().filter(assignment -> assignment.overdueOn(today))
                .sorted(Comparator.comparing(PatrolAssignment::nextPatrolDueOn)).toList();
    }

    private List<PatrolAssignment> inForceUnder(String path) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("startsOn").lte(today()));
        filters.add(Criteria.where("endsOn").gte(today()));
        if (path != null) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(path)));
        }
        return mongo.find(Query.query(new Criteria().andOperator(filters)), PatrolAssignment.class);
    }

    private List<PatrolAssignment> ofCompound(String compoundId) {
        return mongo.find(Query.query(Criteria.where("compoundId").is(compoundId))
                .with(Sort.by(Sort.Direction.DESC, "startsOn")), PatrolAssignment.class);
    }

    /** The county (absent or {@code county}: the caller's own scope) or an org unit in the caller's scope. */
    private String scopePath(Caller caller, String unitId) {
        if (unitId == null || "county".equals(unitId)) {
            return caller.orgUnitPath();
        }
        OrgAndGridCopies.OrgUnit unit = copies.orgUnit(unitId).orElseThrow(() -> new BusinessRuleViolation(
                "unknown-unit", "no org unit " + unitId + " is known to property-service", unitId));
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("unit " + unitId + " is outside the caller's scope");
        }
        return unit.path();
    }

    private PatrolAssignment administered(Caller caller, String id) {
        PatrolAssignment assignment = find(id);
        if (caller.hasRole(Roles.PROPERTY_STAFF) || !caller.covers(assignment.communityPath())) {
            throw new AccessDeniedException("assignment " + id + " is outside the caller's administration");
        }
        return assignment;
    }

    private PatrolAssignment find(String id) {
        PatrolAssignment assignment = mongo.findById(id, PatrolAssignment.class);
        if (assignment == null) {
            throw new NotFoundException("patrol-assignment", id);
        }
        return assignment;
    }

    private LocalDate today() {
        return settings.today(clock);
    }

    /** How many assignments are in force and how many of them have an overdue patrol. */
    public record Counts(long inForce, long overdue) {
    }

    /** The 包保 unit of a compound today, with its next patrol's due day. */
    public record AssignedUnit(String assignmentId, String unitId, String unitName, LocalDate nextPatrolDueOn,
                               boolean patrolOverdue) {
    }
}
