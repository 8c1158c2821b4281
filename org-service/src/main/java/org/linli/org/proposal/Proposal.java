package org.linli.org.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.linli.events.org.ProposalPosted;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 三议一示: a resident's proposal for their alley or community (居民提议), discussed by the alley chiefs (巷长商议),
 * decided by the party branch (支部决议) and posted in its area (结果公示). Each step is recorded once and in this
 * order, with who recorded it and when; the proposer may withdraw it until the alley chiefs have discussed it. A
 * posted decision is public in its area, on display until the posting ends and on record after.
 */
@Document("proposals")
// the public posting board of an area: posted proposals under a path
@CompoundIndex(name = "status_unitPath", def = "{'status': 1, 'unitPath': 1}")
public class Proposal extends AggregateRoot {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 2000;
    static final int MAX_POSTING_DAYS = 30;

    @Id
    private String id;
    private String title;
    private String content;
    private String unitId;
    @Indexed // staff's list in their subtree
    @ScopePath
    private String unitPath;
    @Indexed // a resident's own proposals
    private String proposedBy;
    private Instant proposedAt;
    private Status status;
    private Discussion discussion;
    private Decision decision;
    private Posting posting;
    private Instant withdrawnAt;

    protected Proposal() {
        // for the mapping layer
    }

    static Proposal propose(String unitId, String unitPath, String title, String content, String by, Instant now) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID().toString();
        proposal.unitId = unitId;
        proposal.unitPath = unitPath;
        proposal.title = title;
        proposal.content = content;
        proposal.proposedBy = by;
        proposal.proposedAt = now;
        proposal.status = Status.PROPOSED;
        return proposal;
    }

    /** 巷长商议: the alley chiefs' discussion and what they recommend to the branch. */
    void discuss(Recommendation recommendation, String summary, String by, Instant now) {
        require(Status.PROPOSED, "the alley chiefs' discussion");
        discussion = new Discussion(recommendation, summary, by, now);
        status = Status.DISCUSSED;
    }

    /** 支部决议: the branch adopts or rejects the proposal, after the discussion. */
    void decide(boolean adopted, String resolution, String by, Instant now) {
        require(Status.DISCUSSED, "the branch's decision");
        decision = new Decision(adopted, resolution, by, now);
        status = Status.DECIDED;
    }

    /** 结果公示: the decision posted in the area for {@code days} days from now; records {@link ProposalPosted}. */
    void post(String notice, int days, String by, Instant now) {
        require(Status.DECIDED, "the posting");
        if (days < 1 || days > MAX_POSTING_DAYS) {
            throw new BusinessRuleViolation("invalid-posting-period", "a decision is posted for 1 to "
                    + MAX_POSTING_DAYS + " days", MAX_POSTING_DAYS);
        }
        posting = new Posting(notice, now, now.plus(Duration.ofDays(days)), by);
        status = Status.POSTED;
        recordEvent(id, new ProposalPosted(id, unitId, title, decision.adopted(), posting.from(), posting.until()), now);
    }

    /** The proposer takes it back, before the alley chiefs have discussed it. */
    void withdraw(Instant now) {
        require(Status.PROPOSED, "a withdrawal");
        status = Status.WITHDRAWN;
        withdrawnAt = now;
    }

    boolean proposedBy(String accountId) {
        return proposedBy.equals(accountId);
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw new BusinessRuleViolation("wrong-step", step + " comes when the proposal is " + expected
                    + "; it is " + status, status.name());
        }
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Status status() {
        return status;
    }

    public Discussion discussion() {
        return discussion;
    }

    public Decision decision() {
        return decision;
    }

    public Posting posting() {
        return posting;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public enum Status {
        PROPOSED, DISCUSSED, DECIDED, POSTED, WITHDRAWN
    }

    /** What the alley chiefs recommend to the branch. */
    public enum Recommendation {
        SUPPORT, AMEND, OPPOSE
    }

    public record Discussion(Recommendation recommendation, String summary, String recordedBy, Instant at) {
    }

    public record Decision(boolean adopted, String resolution, String decidedBy, Instant at) {
    }

    public record Posting(String notice, Instant from, Instant until, String postedBy) {

        boolean onDisplayAt(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }
}
