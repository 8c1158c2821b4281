package org.linli.property.assembly;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.linli.events.Topics;
import org.linli.events.property.AssemblyDecisionClosed;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.company.Companies;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The owners' register and the owners' decisions of a compound. Who may do what:
 * <ul>
 *   <li>admins (COUNTY/STREET/COMMUNITY_ADMIN) covering the compound's community keep the register;</li>
 *   <li>they and the owners' committee members named in the register (their own accounts) call decisions,
 *       record preparation steps, enter paper ballots and close votes; the review step is the community party
 *       committee's, so admins only;</li>
 *   <li>an owner of the electorate votes with their own account and reads the decision and its result; a
 *       caller who is neither manager nor owner gets 403.</li>
 * </ul>
 */
@Service
class AssemblyService {

    private static final String BALLOT_NUMBERS = "assembly_ballot_numbers";

    private static final Logger log = LoggerFactory.getLogger(AssemblyService.class);
    private static final List<String> ADMIN_ROLES = List.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN,
            Roles.COMMUNITY_ADMIN);

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final Companies companies;
    private final Clock clock;

    AssemblyService(MongoOperations mongo, Compounds compounds, Companies companies, Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.companies = companies;
        this.clock = clock;
    }

    OwnersRegister register(Caller caller, String compoundId) {
        Compound compound = compounds.require(compoundId);
        OwnersRegister register = registerOf(compoundId);
        if (!administers(caller, compound) && !register.committeeMember(caller.accountId())) {
            throw new AccessDeniedException("the owners' register of " + compoundId + " is outside the caller's scope");
        }
        return register;
    }

    OwnersRegister replaceRegister(Caller caller, String compoundId, String developerName,
                                   List<OwnersRegister.Owner> owners, List<OwnersRegister.Unit> units, Long version) {
        Compound compound = compounds.require(compoundId);
        if (!administers(caller, compound)) {
            throw new AccessDeniedException("the owners' register of " + compoundId + " is kept by the admins covering it");
        }
        OwnersRegister register = registerOf(compoundId);
        if (version != null && !version.equals(register.version())) {
            throw new OptimisticLockingFailureException("owners' register " + compoundId + " is at version "
                    + register.version());
        }
        register.replace(developerName, owners, units, caller.accountId(), clock.instant());
        return mongo.save(register);
    }

    Decision call(Caller caller, NewDecision request) {
        Compound compound = compounds.require(request.compoundId());
        OwnersRegister register = registerOf(compound.id());
        manage(caller, compound, register);
        Decision decision = Decision.call(compound.id(), register, request.matter(), request.title(),
                request.description(), request.companyAction(), request.companyId(), request.opensAt(),
                request.closesAt(), caller.accountId(), clock.instant());
        if (decision.companyId() != null) {
            companies.require(decision.companyId());
        }
        return mongo.insert(decision);
    }

    Decision prepare(Caller caller, String id, Decision.Step step, String note) {
        Decision decision = find(id);
        Compound compound = compounds.require(decision.compoundId());
        manage(caller, compound, registerOf(compound.id()));
        if (step == Decision.Step.PARTY_COMMITTEE_REVIEWED && !administers(caller, compound)) {
            throw new AccessDeniedException("the review is the community party committee's: an admin covering the compound");
        }
        decision.prepare(step, caller.accountId(), caller.username(), note, clock.instant());
        return mongo.save(decision);
    }

    /** An owner's vote through their own account. */
    Ballot vote(Caller caller, String id, Ballot.Choice choice) {
        Decision decision = find(id);
        OwnersRegister.Voter voter = decision.voterWithAccount(caller.accountId())
                .orElseThrow(() -> new AccessDeniedException("only the compound's owners vote in its decisions"));
        Instant now = clock.instant();
        decision.checkOpen(now);
        return cast(Ballot.ownAccount(id, voter.key(), choice, caller.accountId(), caller.username(), now));
    }

    /** A paper ballot entered by the committee or an admin, with its number and who entered it. */
    Ballot enterPaperBallot(Caller caller, String id, String ownerId, Ballot.Choice choice, String ballotNumber) {
        Decision decision = find(id);
        Compound compound = compounds.require(decision.compoundId());
        manage(caller, compound, registerOf(compound.id()));
        Instant now = clock.instant();
        decision.checkOpen(now);
        OwnersRegister.Voter voter = decision.voter(ownerId).orElseThrow(() -> new BusinessRuleViolation(
                "not-an-owner", "no owner " + ownerId + " votes in this decision", ownerId));
        String claim = claimBallotNumber(id, ballotNumber);
        try {
            return cast(Ballot.paper(id, voter.key(), choice, ballotNumber, caller.accountId(), caller.username(), now));
        } catch (RuntimeException refused) {
            mongo.remove(Query.query(Criteria.where("_id").is(claim)), BALLOT_NUMBERS);
            throw refused;
        }
    }

    /**
     * Claims a paper ballot's number in its decision by inserting a document keyed by both, so two entries of one
     * number racing each other are told apart by the store's unique id, not by a read before the write.
     */
    private String claimBallotNumber(String decisionId, String ballotNumber) {
        String claim = decisionId + "#" + ballotNumber;
        try {
            mongo.insert(new org.bson.Document("_id", claim).append("decisionId", decisionId)
                    .append("ballotNumber", ballotNumber), BALLOT_NUMBERS);
            return claim;
        } catch (DuplicateKeyException used) {
            throw new BusinessRuleViolation("ballot-number-used", "ballot number " + ballotNumber
                    + " is already entered in this decision", ballotNumber);
        }
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = AssemblyDecisionClosed.class, description = "an owners' vote closed and was decided by "
            + "Civil Code art. 278"))
    Decision close(Caller caller, String id) {
        Decision decision = find(id);
        Compound compound = compounds.require(decision.compoundId());
        manage(caller, compound, registerOf(compound.id()));
        return closeNow(decision);
    }

    @SchedulerLock(name = "property.assembly-close")
    @Scheduled(fixedDelayString = "${linli.property.assembly.close-interval:1m}",
            initialDelayString = "${linli.property.assembly.close-interval:1m}")
    void closeDueOnSchedule() {
        closeDue();
    }

    /** Closes every vote whose closing time (plus the grace) has passed; answers how many. */
    public int closeDue() {
        Instant due = clock.instant().minus(Decision.CLOSE_GRACE);
        int closed = 0;
        for (Decision decision : mongo.find(Query.query(Criteria.where("status").is(Decision.Status.CALLED)
                .and("closesAt").lte(due)), Decision.class)) {
            try {
                closeNow(decision);
                closed++;
            } catch (OptimisticLockingFailureException closedMeanwhile) {
                log.debug("decision {} was closed by another request", decision.id());
            }
        }
        return closed;
    }

    Decision get(Caller caller, String id) {
        Decision decision = find(id);
        Compound compound = compounds.require(decision.compoundId());
        if (!manages(caller, compound, registerOf(compound.id()))
                && decision.voterWithAccount(caller.accountId()).isEmpty()) {
            throw new AccessDeniedException("decision " + id + " is public to the compound's owners only");
        }
        return decision;
    }

    /** The compound's decisions, newest first: for its managers and the owners on its register. */
    Page<Decision> list(Caller caller, String compoundId, Pageable pageable) {
        Compound compound = compounds.require(compoundId);
        OwnersRegister register = registerOf(compoundId);
        if (!manages(caller, compound, register) && register.ownerWithAccount(caller.accountId()).isEmpty()) {
            throw new AccessDeniedException("the decisions of " + compoundId + " are public to its owners only");
        }
        Query query = Query.query(Criteria.where("compoundId").is(compoundId)).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "createdAt"));
        }
        return MongoPages.page(mongo, query, pageable, Decision.class);
    }

    /** The ballots of a decision with who cast or entered each (the audit trail): managers only. */
    Page<Ballot> ballots(Caller caller, String id, Pageable pageable) {
        Decision decision = find(id);
        Compound compound = compounds.require(decision.compoundId());
        manage(caller, compound, registerOf(compound.id()));
        Query query = Query.query(Criteria.where("decisionId").is(id)).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by("castAt"));
        }
        return MongoPages.page(mongo, query, pageable, Ballot.class);
    }

    /** The compound's register; an empty one when none is kept yet. */
    private OwnersRegister registerOf(String compoundId) {
        OwnersRegister register = mongo.findById(compoundId, OwnersRegister.class);
        return register != null ? register : new OwnersRegister(compoundId);
    }

    private Decision closeNow(Decision decision) {
        List<Ballot> ballots = mongo.find(Query.query(Criteria.where("decisionId").is(decision.id())), Ballot.class);
        decision.close(ballots, clock.instant());
        return mongo.save(decision);
    }

    private Ballot cast(Ballot ballot) {
        try {
            return mongo.insert(ballot);
        } catch (DuplicateKeyException secondVote) {
            throw new BusinessRuleViolation("already-voted", "owner " + ballot.voterKey()
                    + " has already voted in this decision", ballot.voterKey());
        }
    }

    private Decision find(String id) {
        Decision decision = mongo.findById(id, Decision.class);
        if (decision == null) {
            throw new NotFoundException("assembly-decision", id);
        }
        return decision;
    }

    private void manage(Caller caller, Compound compound, OwnersRegister register) {
        if (!manages(caller, compound, register)) {
            throw new AccessDeniedException("the compound's decisions are managed by the admins covering it and its "
                    + "owners' committee");
        }
    }

    private static boolean manages(Caller caller, Compound compound, OwnersRegister register) {
        return administers(caller, compound) || register.committeeMember(caller.accountId());
    }

    private static boolean administers(Caller caller, Compound compound) {
        return ADMIN_ROLES.stream().anyMatch(caller::hasRole) && caller.covers(compound.communityPath());
    }

    /** What a new decision is made of. */
    record NewDecision(String compoundId, Matter matter, String title, String description,
                       Decision.CompanyAction companyAction, String companyId, Instant opensAt, Instant closesAt) {
    }
}
