package org.linli.property.assembly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linli.events.property.AssemblyDecisionClosed;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A decision of a compound's owners (业主共同决定 / 表决) on one matter of Civil Code article 278. The electorate is
 * the owners' register when the decision was called (a later change of the register does not move the
 * denominators of a running vote). Votes are {@link Ballot}s, one per owner; at its closing time the decision is
 * decided by {@link Outcome#decide} and publishes {@link AssemblyDecisionClosed}. A major matter
 * ({@link Matter#major()}) opens for votes only once Pingshun's preparation chain is recorded: the owners'
 * committee mobilises, the three parties propose, the community party committee reviews.
 */
@Document("assembly_decisions")
class Decision extends AggregateRoot {

    /** Votes stop at the closing time; the count waits this long for requests that passed the check just before. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;

    @Id
    private String id;
    @Indexed
    private String compoundId;
    private Matter matter;
    private String title;
    private String description;
    private CompanyAction companyAction;
    private String companyId;
    private Instant opensAt;
    private Instant closesAt;
    private List<OwnersRegister.Voter> electorate = new ArrayList<>();
    private Outcome.Count total;
    private List<PreparationStep> preparation = new ArrayList<>();
    @Indexed
    private Status status;
    private Outcome outcome;
    private Outcome.Count participating;
    private Outcome.Count agreeing;
    private Instant closedAt;
    private String createdBy;
    private Instant createdAt;

    protected Decision() {
        // for the mapping layer
    }

    private Decision(String id, String compoundId, Matter matter, String title, String description,
                     CompanyAction companyAction, String companyId, Instant opensAt, Instant closesAt,
                     List<OwnersRegister.Voter> electorate, String createdBy, Instant now) {
        this.id = id;
        this.compoundId = compoundId;
        this.matter = matter;
        this.title = title;
        this.description = description;
        this.companyAction = companyAction;
        this.companyId = companyId;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.electorate = new ArrayList<>(electorate);
        this.total = electorate.stream().reduce(Outcome.Count.NONE, (count, voter) -> count.plus(voter.areaCm2()),
                (a, b) -> new Outcome.Count(a.owners() + b.owners(), a.areaCm2() + b.areaCm2()));
        this.status = Status.CALLED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * Calls a vote of the register's owners on a matter. Item 4 names the company selected or dismissed, no other
     * item does; the window opens no earlier than a minute ago and closes after it opens.
     */
    public static Decision call(String compoundId, OwnersRegister register, Matter matter, String title,
                                String description, CompanyAction companyAction, String companyId, Instant opensAt,
                                Instant closesAt, String createdBy, Instant now) {
        Objects.requireNonNull(matter);
        if ((matter == Matter.PROPERTY_COMPANY) != (companyAction != null && companyId != null)) {
            throw new BusinessRuleViolation("company-action-mismatch",
                    "item 4 (selecting or dismissing a property company) names the company and the action; "
                            + "no other matter does", matter.item());
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)
                || opensAt.isBefore(now.minusSeconds(60))) {
            throw new BusinessRuleViolation("invalid-voting-window",
                    "a vote opens now or later and closes after it opens", opensAt, closesAt);
        }
        List<OwnersRegister.Voter> voters = register.voters();
        if (voters.isEmpty()) {
            throw new BusinessRuleViolation("empty-register", "the compound's owners' register has no units",
                    compoundId);
        }
        return new Decision(NewIds.next(), compoundId, matter, title, description, companyAction, companyId, opensAt,
                closesAt, voters, createdBy, now);
    }

    /** Records the next preparation step of a major matter, in the chain's order, each once, before the close. */
    public PreparationStep prepare(Step step, String accountId, String username, String note, Instant now) {
        if (!matter.major()) {
            throw new BusinessRuleViolation("no-preparation-for-matter",
                    "only major matters (items 3, 4, 6, 7, 8, 9) go through the preparation chain", matter.item());
        }
        if (status == Status.CLOSED || !now.isBefore(closesAt)) {
            throw new BusinessRuleViolation("decision-closed", "the vote has closed", id);
        }
        Step expected = nextStep().orElseThrow(() -> new BusinessRuleViolation("preparation-complete",
                "every preparation step is recorded", id));
        if (step != expected) {
            throw new BusinessRuleViolation("preparation-out-of-order",
                    "the preparation steps are recorded in order; the next one is " + expected, expected);
        }
        PreparationStep recorded = new PreparationStep(step, accountId, username, note, now);
        preparation.add(recorded);
        return recorded;
    }

    /** Refuses a vote outside the window, or before a major matter's preparation is complete. */
    public void checkOpen(Instant now) {
        if (status == Status.CLOSED || !now.isBefore(closesAt)) {
            throw new BusinessRuleViolation("voting-closed", "the vote closed at " + closesAt, closesAt);
        }
        if (now.isBefore(opensAt)) {
            throw new BusinessRuleViolation("voting-not-open", "the vote opens at " + opensAt, opensAt);
        }
        if (!prepared()) {
            throw new BusinessRuleViolation("preparation-incomplete",
                    "a major matter opens for votes once the preparation chain is recorded; next: " + nextStep().get(),
                    nextStep().get());
        }
    }

    /**
     * Closes the vote ten seconds after its closing time ({@link #CLOSE_GRACE}) and decides it by article 278 from its ballots (one per voter
     * of the electorate), with AssemblyDecisionClosed.
     */
    public Outcome close(List<Ballot> ballots, Instant now) {
        if (status == Status.CLOSED) {
            throw new BusinessRuleViolation("decision-closed", "the vote has closed", id);
        }
        if (now.isBefore(closesAt.plus(CLOSE_GRACE))) {
            throw new BusinessRuleViolation("voting-still-open", "the vote closes at " + closesAt
                    + " and is counted ten seconds later", closesAt);
        }
        Outcome.Count took = Outcome.Count.NONE;
        Outcome.Count agreed = Outcome.Count.NONE;
        for (Ballot ballot : ballots) {
            OwnersRegister.Voter voter = voter(ballot.voterKey()).orElseThrow();
            took = took.plus(voter.areaCm2());
            if (ballot.choice() == Ballot.Choice.AGREE) {
                agreed = agreed.plus(voter.areaCm2());
            }
        }
        this.participating = took;
        this.agreeing = agreed;
        this.outcome = Outcome.decide(matter, total, took, agreed);
        this.status = Status.CLOSED;
        this.closedAt = now;
        recordEvent(id, new AssemblyDecisionClosed(id, compoundId, matter.item(), matter.name(),
                outcome.verdict().name(), companyAction == null ? null : companyAction.name(), companyId,
                total.owners(), total.areaCm2(), took.owners(), took.areaCm2(), agreed.owners(), agreed.areaCm2(), now),
                now);
        return outcome;
    }

    /** Whether the owners passed this decision to dismiss {@code company} (what an eviction cites). */
    public boolean dismisses(String company) {
        return passed() && companyAction == CompanyAction.DISMISS && Objects.equals(companyId, company);
    }

    public boolean passed() {
        return status == Status.CLOSED && outcome != null && outcome.passed();
    }

    /** Whether the account votes in this decision (an owner of the electorate with that account). */
    public Optional<OwnersRegister.Voter> voterWithAccount(String accountId) {
        return electorate.stream().filter(voter -> accountId != null && accountId.equals(voter.accountId())).findFirst();
    }

    public Optional<OwnersRegister.Voter> voter(String key) {
        return electorate.stream().filter(voter -> voter.key().equals(key)).findFirst();
    }

    /** A major matter's steps all recorded (always true for the others). */
    public boolean prepared() {
        return nextStep().isEmpty();
    }

    private Optional<Step> nextStep() {
        if (!matter.major()) {
            return Optional.empty();
        }
        return Arrays.stream(Step.values()).skip(preparation.size()).findFirst();
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public Matter matter() {
        return matter;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public CompanyAction companyAction() {
        return companyAction;
    }

    public String companyId() {
        return companyId;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public List<OwnersRegister.Voter> electorate() {
        return List.copyOf(electorate);
    }

    public Outcome.Count total() {
        return total;
    }

    public List<PreparationStep> preparation() {
        return List.copyOf(preparation);
    }

    public Status status() {
        return status;
    }

    /** The law's verdict with the four shares, once closed; {@code null} before. */
    public Outcome outcome() {
        return outcome;
    }

    public Outcome.Count participating() {
        return participating;
    }

    public Outcome.Count agreeing() {
        return agreeing;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** CALLED until it closes; the result exists once CLOSED. */
    public enum Status { CALLED, CLOSED }

    /** For item 4: the owners select (选聘) or dismiss (解聘) a property company. */
    public enum CompanyAction { SELECT, DISMISS }

    /** Pingshun's chain for major matters (平顺: 业委会动员、三方提议、社区党委审核、业主大会表决), in order. */
    public enum Step {
        /** 业委会动员 */
        COMMITTEE_MOBILISED("业委会动员"),
        /** 三方提议 (社区居委会、业委会、物业企业) */
        THREE_PARTIES_PROPOSED("三方提议"),
        /** 社区党委审核 */
        PARTY_COMMITTEE_REVIEWED("社区党委审核");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A recorded preparation step: who (account and login name) and when. */
    public record PreparationStep(Step step, String accountId, String username, String note, Instant recordedAt) {
    }
}
