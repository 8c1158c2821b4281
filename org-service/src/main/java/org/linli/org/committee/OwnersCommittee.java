package org.linli.org.committee;

import org.linli.org.unit.ScopePath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.org.CommitteeDecisionReported;
import org.linli.events.org.OwnersCommitteeFormed;
import org.linli.events.org.OwnersCommitteeReElected;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The owners' committee (业委会) or interim property-management committee (物管会) of one compound,
 * across its terms: a re-election (换届) closes the current term into the history and opens the next.
 * It belongs to a community party committee, whose path scopes who may see and change it. Major
 * decisions are reported to the community ahead of taking effect (事前报告) and answered by it.
 *
 * <p>A compound has one committee (unique {@code compoundId}); the committee outlives its terms.
 */
@Document("owners_committees")
public class OwnersCommittee extends AggregateRoot {

    @Id
    private String id;
    @Indexed(unique = true)
    private String compoundId;
    private CommitteeKind kind;
    private String communityUnitId;
    @ScopePath
    @Indexed
    private String communityPath;
    private CommitteeTerm currentTerm;
    private List<CommitteeTerm> pastTerms = new ArrayList<>();
    /** Denormalised from the current term, so that statistics are one count query. */
    private boolean partyMajority;
    private List<CommitteeDecision> decisions = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected OwnersCommittee() {
        // for the mapping layer
    }

    private OwnersCommittee(String compoundId, CommitteeKind kind, String communityUnitId, String communityPath,
                            CommitteeTerm firstTerm, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.compoundId = Objects.requireNonNull(compoundId, "compoundId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.communityUnitId = Objects.requireNonNull(communityUnitId, "communityUnitId");
        this.communityPath = Objects.requireNonNull(communityPath, "communityPath");
        this.currentTerm = firstTerm;
        this.partyMajority = firstTerm.partyMajority();
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new OwnersCommitteeFormed(id, compoundId, kind.name(), communityUnitId, firstTerm.number(),
                firstTerm.startsOn(), firstTerm.endsOn(), firstTerm.memberCount(), firstTerm.partyMemberCount()), now);
    }

    /**
     * Forms the committee of a compound with its first term. The members must already have passed the
     * negative-list check (they carry no ID numbers here).
     */
    public static OwnersCommittee form(String compoundId, CommitteeKind kind, String communityUnitId,
                                       String communityPath, LocalDate startsOn, LocalDate endsOn,
                                       List<CommitteeMember> members, Instant now) {
        return new OwnersCommittee(compoundId, kind, communityUnitId, communityPath,
                CommitteeTerm.open(1, startsOn, endsOn, members), now);
    }

    /** 换届: closes the current term and opens the next one, which must start after the current one started. */
    public void reElect(LocalDate startsOn, LocalDate endsOn, List<CommitteeMember> members, Instant now) {
        Objects.requireNonNull(startsOn, "startsOn");
        if (!startsOn.isAfter(currentTerm.startsOn())) {
            throw new BusinessRuleViolation("invalid-re-election-date",
                    "the new term must start after the current term started", currentTerm.startsOn(), startsOn);
        }
        CommitteeTerm next = CommitteeTerm.open(currentTerm.number() + 1, startsOn, endsOn, members);
        pastTerms.add(currentTerm.closedBefore(startsOn));
        currentTerm = next;
        partyMajority = next.partyMajority();
        updatedAt = now;
        recordEvent(id, new OwnersCommitteeReElected(id, compoundId, kind.name(), communityUnitId, next.number(),
                next.startsOn(), next.endsOn(), next.memberCount(), next.partyMemberCount()), now);
    }

    /**
     * Reports a major decision to the community (事前报告): refused unless it takes effect at least
     * {@code noticeDays} days after {@code reportedOn}.
     */
    public CommitteeDecision reportDecision(String title, String summary, LocalDate reportedOn, LocalDate takesEffectOn,
                                            int noticeDays, Instant now) {
        Objects.requireNonNull(title, "title");
        LocalDate earliest = reportedOn.plusDays(noticeDays);
        if (takesEffectOn.isBefore(earliest)) {
            throw new BusinessRuleViolation("decision-not-pre-reported",
                    "a decision must be reported at least " + noticeDays + " days before it takes effect",
                    String.valueOf(noticeDays), earliest);
        }
        CommitteeDecision decision = new CommitteeDecision(UUID.randomUUID().toString(), title, summary, reportedOn,
                takesEffectOn, DecisionStatus.REPORTED, null, null);
        decisions.add(decision);
        updatedAt = now;
        recordEvent(id, new CommitteeDecisionReported(id, decision.id(), title, takesEffectOn), now);
        return decision;
    }

    /** The community acknowledges ({@code accepted}) or rejects a reported decision; it answers once. */
    public CommitteeDecision answerDecision(String decisionId, boolean accepted, LocalDate answeredOn, String answeredBy,
                                            Instant now) {
        CommitteeDecision decision = decision(decisionId);
        if (decision.status() != DecisionStatus.REPORTED) {
            throw new BusinessRuleViolation("decision-already-answered", "the decision was already answered",
                    decision.title(), decision.status().label());
        }
        CommitteeDecision answered = decision.answered(accepted, answeredOn, answeredBy);
        decisions.set(decisions.indexOf(decision), answered);
        updatedAt = now;
        return answered;
    }

    public CommitteeDecision decision(String decisionId) {
        return decisions.stream().filter(decision -> decision.id().equals(decisionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("committee-decision", decisionId));
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public CommitteeKind kind() {
        return kind;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public CommitteeTerm currentTerm() {
        return currentTerm;
    }

    /** Closed terms, oldest first. */
    public List<CommitteeTerm> pastTerms() {
        return Collections.unmodifiableList(pastTerms);
    }

    /** More than half of the current members are party members. */
    public boolean hasPartyMajority() {
        return partyMajority;
    }

    public List<CommitteeDecision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
