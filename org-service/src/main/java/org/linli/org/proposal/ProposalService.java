package org.linli.org.proposal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.ProposalPosted;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 三议一示 within the caller's org scope: residents propose for a unit they belong to, staff covering the unit
 * discuss, decide and post; residents read their own proposals, everyone the posted ones of an area.
 */
@Service
class ProposalService {

    /** Roles that read and discuss every proposal of their scope (alley chiefs are party members or grid workers). */
    static final List<String> STAFF = List.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.GRID_WORKER, Roles.PARTY_MEMBER);

    private final MongoOperations mongo;
    private final OrgUnitDirectory units;
    private final Clock clock;

    ProposalService(MongoOperations mongo, OrgUnitDirectory units, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    Proposal propose(Caller caller, String unitId, String title, String content) {
        UnitView unit = units.visibleTo(caller, unitId);
        return mongo.insert(Proposal.propose(unit.id(), unit.path(), title, content, caller.accountId(),
                clock.instant()));
    }

    /** Staff: every proposal in their scope (or under one unit of it); others: their own. */
    Page<Proposal> list(Caller caller, String unitId, Proposal.Status status, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(under(units.visibleTo(caller, unitId).path()));
        }
        if (!isStaff(caller)) {
            filters.add(Criteria.where("proposedBy").is(caller.accountId()));
        } else if (!caller.isCountyWide()) {
            filters.add(under(caller.orgUnitPath()));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        return MongoPages.page(mongo, Query.query(MongoPages.allOf(filters)).with(pageable), pageable, Proposal.class);
    }

    /** Staff covering its unit, or its proposer (403 otherwise, 404 unknown). */
    Proposal get(Caller caller, String id) {
        Proposal proposal = find(id);
        if (!(isStaff(caller) && caller.covers(proposal.unitPath())) && !proposal.proposedBy(caller.accountId())) {
            throw new AccessDeniedException("proposal outside the caller's scope");
        }
        return proposal;
    }

    Proposal discuss(Caller caller, String id, long version, Proposal.Recommendation recommendation, String summary) {
        return record(caller, id, version, p -> p.discuss(recommendation, summary, caller.accountId(), clock.instant()));
    }

    Proposal decide(Caller caller, String id, long version, boolean adopted, String resolution) {
        return record(caller, id, version, p -> p.decide(adopted, resolution, caller.accountId(), clock.instant()));
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = ProposalPosted.class,
            description = "a proposal's decision was posted in its area (三议一示)"))
    Proposal post(Caller caller, String id, long version, String notice, int days) {
        return record(caller, id, version, p -> p.post(notice, days, caller.accountId(), clock.instant()));
    }

    /** A step by staff covering the proposal's unit (which roles, the controller says), at its current version. */
    private Proposal record(Caller caller, String id, long version, Consumer<Proposal> step) {
        Proposal proposal = current(find(id), version);
        if (!caller.covers(proposal.unitPath())) {
            throw new AccessDeniedException("proposal outside the caller's scope");
        }
        step.accept(proposal);
        return mongo.save(proposal);
    }

    Proposal withdraw(Caller caller, String id, long version) {
        Proposal proposal = current(find(id), version);
        if (!proposal.proposedBy(caller.accountId())) {
            throw new AccessDeniedException("only the proposer withdraws a proposal");
        }
        proposal.withdraw(clock.instant());
        return mongo.save(proposal);
    }

    /** The posted proposals of an area (the unit and below), for anyone. */
    Page<Proposal> posted(String unitId, Pageable pageable) {
        UnitView unit = units.require(unitId);
        Query query = Query.query(Criteria.where("status").is(Proposal.Status.POSTED).andOperator(under(unit.path())))
                .with(pageable);
        return MongoPages.page(mongo, query, pageable, Proposal.class);
    }

    Proposal postedOne(String id) {
        return Optional.ofNullable(mongo.findById(id, Proposal.class))
                .filter(proposal -> proposal.status() == Proposal.Status.POSTED)
                .orElseThrow(() -> new NotFoundException("proposal", id));
    }

    private Proposal find(String id) {
        return Optional.ofNullable(mongo.findById(id, Proposal.class))
                .orElseThrow(() -> new NotFoundException("proposal", id));
    }

    private static Proposal current(Proposal proposal, long version) {
        if (proposal.version() == null || proposal.version() != version) {
            throw new OptimisticLockingFailureException("proposal " + proposal.id() + " is at version "
                    + proposal.version());
        }
        return proposal;
    }

    private static boolean isStaff(Caller caller) {
        return STAFF.stream().anyMatch(caller::hasRole);
    }

    private static Criteria under(String path) {
        return Criteria.where("unitPath").regex("^" + Pattern.quote(path));
    }
}
