package org.linli.org.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.org.CommitteeDecisionReported;
import org.linli.events.org.OwnersCommitteeFormed;
import org.linli.events.org.OwnersCommitteeReElected;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Forms, re-elects and reads owners' committees within the caller's org scope (the committee's
 * community must lie in it, else 403), checking every candidate against the negative list.
 */
@Service
class OwnersCommitteeService {

    private final OwnersCommitteeRepository committees;
    private final NegativeList negativeList;
    private final OrgUnitDirectory units;
    private final CommitteeProperties properties;
    private final Clock clock;

    OwnersCommitteeService(OwnersCommitteeRepository committees, NegativeList negativeList, OrgUnitDirectory units,
                           CommitteeProperties properties, Clock clock) {
        this.committees = committees;
        this.negativeList = negativeList;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OwnersCommitteeFormed.class,
            description = "an owners' committee was formed"))
    OwnersCommittee form(Caller caller, NewCommittee request) {
        UnitView community = community(caller, request.communityUnitId());
        if (committees.existsByCompoundId(request.compoundId())) {
            throw new BusinessRuleViolation("committee-exists", "the compound already has a committee",
                    request.compoundId());
        }
        OwnersCommittee committee = OwnersCommittee.form(request.compoundId(), request.kind(), community.id(),
                community.path(), request.startsOn(), request.endsOn(), members(request.members()), clock.instant());
        negativeList.refuseListed(request.members());
        return committees.save(committee);
    }

    OwnersCommittee get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<OwnersCommittee> list(Caller caller, String compoundId, Pageable pageable) {
        String scope = caller.isCountyWide() ? "/" : caller.orgUnitPath();
        return compoundId == null ? committees.findByCommunityPathStartingWith(scope, pageable)
                : committees.findByCompoundIdAndCommunityPathStartingWith(compoundId, scope, pageable);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = OwnersCommitteeReElected.class,
            description = "an owners' committee was re-elected"))
    OwnersCommittee reElect(Caller caller, String id, long version, LocalDate startsOn, LocalDate endsOn,
                            List<Candidate> candidates) {
        OwnersCommittee committee = current(caller, id, version);
        committee.reElect(startsOn, endsOn, members(candidates), clock.instant());
        negativeList.refuseListed(candidates);
        return committees.save(committee);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = CommitteeDecisionReported.class,
            description = "a committee decision was reported in advance"))
    Reported reportDecision(Caller caller, String id, long version, String title, String summary,
                            LocalDate takesEffectOn) {
        OwnersCommittee committee = current(caller, id, version);
        CommitteeDecision decision = committee.reportDecision(title, summary, properties.today(clock), takesEffectOn,
                properties.decisionNoticeDays(), clock.instant());
        return new Reported(committees.save(committee), decision);
    }

    Reported decision(Caller caller, String id, String decisionId) {
        OwnersCommittee committee = visible(caller, id);
        return new Reported(committee, committee.decision(decisionId));
    }

    Reported answerDecision(Caller caller, String id, String decisionId, long version, boolean accepted) {
        OwnersCommittee committee = current(caller, id, version);
        CommitteeDecision answered = committee.answerDecision(decisionId, accepted, properties.today(clock),
                caller.accountId(), clock.instant());
        return new Reported(committees.save(committee), answered);
    }

    private static List<CommitteeMember> members(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::member).toList();
    }

    /** The committee as the caller last saw it: a different version means someone changed it meanwhile. */
    private OwnersCommittee current(Caller caller, String id, long version) {
        OwnersCommittee committee = visible(caller, id);
        if (!Objects.equals(committee.version(), version)) {
            throw new OptimisticLockingFailureException("owners committee " + id + " is at version "
                    + committee.version() + ", not " + version);
        }
        return committee;
    }

    private OwnersCommittee visible(Caller caller, String id) {
        OwnersCommittee committee = committees.findById(id).orElseThrow(() -> new NotFoundException("owners-committee", id));
        if (!caller.covers(committee.communityPath())) {
            throw new AccessDeniedException("owners committee " + id + " is outside the caller's scope");
        }
        return committee;
    }

    /** An active community party committee inside the caller's scope. */
    private UnitView community(Caller caller, String unitId) {
        UnitView unit = units.find(unitId).orElseThrow(() -> notACommunity(unitId));
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("community " + unitId + " is outside the caller's scope");
        }
        if (!unit.active() || unit.type() != OrgUnitType.COMMUNITY_COMMITTEE) {
            throw notACommunity(unitId);
        }
        return unit;
    }

    private static BusinessRuleViolation notACommunity(String unitId) {
        return new BusinessRuleViolation("invalid-community", "not an active community party committee", unitId);
    }

    record NewCommittee(String compoundId, CommitteeKind kind, String communityUnitId, LocalDate startsOn,
                        LocalDate endsOn, List<Candidate> members) {
    }

    /** A decision with the committee that holds it (whose version the next change must carry). */
    record Reported(OwnersCommittee committee, CommitteeDecision decision) {
    }
}
