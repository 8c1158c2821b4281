package org.linli.org.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.Consumer;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.PartyMemberHouseholdLinked;
import org.linli.events.org.PartyMemberHouseholdUnlinked;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.events.org.PartyMemberTransferred;
import org.linli.org.copies.PropertyAndHouseholds;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Registers and changes party members within the caller's org scope (the member's branch must lie
 * in it), and answers the scoped list and the public board.
 */
@Service
class PartyMemberService {

    private static final Set<String> ADMIN_ROLES =
            Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    private final PartyMemberRepository members;
    private final MongoTemplate mongo;
    private final OrgUnitDirectory units;
    private final PropertyAndHouseholds households;
    private final Clock clock;

    PartyMemberService(PartyMemberRepository members, MongoTemplate mongo, OrgUnitDirectory units,
                       PropertyAndHouseholds households, Clock clock) {
        this.members = members;
        this.mongo = mongo;
        this.units = units;
        this.households = households;
        this.clock = clock;
    }

    /** Whether the caller sees a member's identity-card number and phone unmasked: an admin over the member. */
    static boolean seesPersonalData(Caller caller, PartyMember member) {
        return caller.roles().stream().anyMatch(ADMIN_ROLES::contains) && caller.covers(member.unitPath());
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class,
            description = "a party member was registered"))
    PartyMember register(Caller caller, PartyMember.Registration registration, String branchId, String groupId,
                         boolean unitLeader) {
        Optional<PartyMember> earlier = NewIds.alreadyCreated(members::findById);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        PartyMember member = prepare(caller, registration, branchId, groupId, now);
        if (unitLeader) {
            requireNoUnitLeaderIn(member.buildingUnitRef());
            member.appointUnitLeader(now);
        }
        return members.save(member);
    }

    /**
     * What {@link #register} checks and builds, without storing it (a sheet import stores many at once): the branch
     * in the caller's scope (403, 404), the group (404), the residence community of an in-service member (404, 422),
     * then the member's own rules.
     */
    PartyMember prepare(Caller caller, PartyMember.Registration registration, String branchId, String groupId,
                        Instant now) {
        UnitView branch = units.visibleTo(caller, branchId);
        UnitView group = groupId == null ? null : units.require(groupId);
        DualRegistration dual = registration.dualRegistration();
        if (dual != null && dual.residenceCommunityId() != null) {
            requireCommunity(dual.residenceCommunityId());
        }
        return PartyMember.register(registration, branch, group, now);
    }

    PartyMember get(Caller caller, String id) {
        return visible(caller, id);
    }

    /** Members in the caller's scope (all for a county-wide account), optionally of one branch and kind. */
    Page<PartyMember> list(Caller caller, String branchId, MemberKind kind, Pageable pageable) {
        return page(listed(caller, branchId, kind), pageable, PartyMember.class);
    }

    /** Every member {@link #list} would page through, in id order, read as consumed (close the stream). */
    Stream<PartyMember> stream(Caller caller, String branchId, MemberKind kind) {
        return mongo.stream(listed(caller, branchId, kind).with(Sort.by("_id")), PartyMember.class);
    }

    private Query listed(Caller caller, String branchId, MemberKind kind) {
        Query query = new Query();
        if (!caller.isCountyWide()) {
            query.addCriteria(MemberCriteria.inSubtree(caller.orgUnitPath()));
        }
        if (branchId != null) {
            units.visibleTo(caller, branchId);
            query.addCriteria(where("branchId").is(branchId));
        }
        if (kind != null) {
            query.addCriteria(where("kind").is(kind));
        }
        return query;
    }

    /** Name and duty of the active members of a unit's subtree (亮身份), for anyone signed in. */
    Page<BoardEntry> publicBoard(String unitId, Pageable pageable) {
        UnitView unit = units.require(unitId);
        Query query = new Query(MemberCriteria.active()
                .orOperator(MemberCriteria.inSubtree(unit.path()), where("groupId").is(unitId)));
        return page(query, pageable, BoardEntry.class);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberTransferred.class,
            description = "a party member was transferred to another branch"))
    PartyMember transfer(Caller caller, String id, long version, String toUnitId, String toGroupId, String reason) {
        return change(caller, id, version, member -> {
            UnitView toBranch = units.visibleTo(caller, toUnitId);
            UnitView toGroup = toGroupId == null ? null : units.require(toGroupId);
            member.transferTo(toBranch, toGroup, reason, clock.instant());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberHouseholdLinked.class,
            description = "a member took on a household (包联)"))
    PartyMember linkHousehold(Caller caller, String id, long version, String householdId, SpecialGroup specialGroup,
                              String buildingUnitRef, boolean special) {
        return change(caller, id, version, member -> {
            if (!households.householdExists(householdId)) {
                throw new BusinessRuleViolation("unknown-household", "household " + householdId
                        + " is not registered in grid-service", householdId);
            }
            if (special) {
                member.linkSpecialHousehold(householdId, specialGroup, buildingUnitRef, clock.instant());
            } else {
                member.linkHousehold(householdId, clock.instant());
            }
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberHouseholdUnlinked.class,
            description = "a member gave up a household"))
    PartyMember unlinkHousehold(Caller caller, String id, long version, String householdId) {
        return change(caller, id, version, member -> member.unlinkHousehold(householdId, clock.instant()));
    }

    /** Loads a member in the caller's scope, refuses a stale version, applies the change and saves. */
    private PartyMember change(Caller caller, String id, long version, Consumer<PartyMember> change) {
        PartyMember member = visible(caller, id);
        if (!Objects.equals(member.version(), version)) {
            throw new OptimisticLockingFailureException("party member " + id + " is at version " + member.version()
                    + ", not " + version);
        }
        change.accept(member);
        return members.save(member);
    }

    private PartyMember visible(Caller caller, String id) {
        PartyMember member = members.findById(id).orElseThrow(() -> new NotFoundException("party-member", id));
        if (!caller.covers(member.unitPath())) {
            throw new AccessDeniedException("party member " + id + " is outside the caller's scope");
        }
        return member;
    }


    private void requireCommunity(String communityId) {
        UnitView community = units.require(communityId);
        if (community.type() != OrgUnitType.COMMUNITY_COMMITTEE) {
            throw new BusinessRuleViolation("invalid-residence-community",
                    "an in-service member registers at a community committee", community.name());
        }
        if (!community.active()) {
            throw new BusinessRuleViolation("unit-inactive", "the unit is deactivated", community.name());
        }
    }

    private void requireNoUnitLeaderIn(String buildingUnitRef) {
        if (buildingUnitRef != null
                && members.existsByBuildingUnitRefAndUnitLeaderTrueAndStatus(buildingUnitRef, PartyMember.Status.ACTIVE)) {
            throw new BusinessRuleViolation("unit-leader-taken", "the building unit already has a unit leader",
                    buildingUnitRef);
        }
    }

    private <T> Page<T> page(Query query, Pageable pageable, Class<T> resultType) {
        List<T> content = mongo.query(PartyMember.class).as(resultType).matching(Query.of(query).with(pageable)).all();
        return PageableExecutionUtils.getPage(content, pageable, () -> mongo.count(query, PartyMember.class));
    }

    /** What the public board shows of a member: nothing but the name and the duty. */
    record BoardEntry(String name, String duty) {
    }
}
