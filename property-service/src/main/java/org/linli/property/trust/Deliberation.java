package org.linli.property.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of a 四议两公开 for spending from a compound's trust account: its steps in their fixed order, each
 * with its day, a summary and who recorded it. An approved decision whose result has been published authorises
 * one expense of at most {@code amountFen}; the expense then references it ({@code expenseEntryId}) and only
 * after that can the implementation be published, which completes the record.
 */
@Document(Deliberation.COLLECTION)
public class Deliberation extends AggregateRoot {

    static final String COLLECTION = "trust_deliberations";
    static final int MAX_TEXT = 2000;

    @Id
    private String id;
    @Indexed
    private String compoundId;
    private String subject;
    private long amountFen;
    private List<Step> steps = new ArrayList<>();
    private Boolean approved;
    /** The booking that claimed this record (set before the expense is appended, cleared if it fails). */
    private String expenseReference;
    private String expenseEntryId;
    private Instant createdAt;

    protected Deliberation() {
        // for the mapping layer
    }

    private Deliberation(String id, String compoundId, String subject, long amountFen) {
        this.id = id;
        this.compoundId = Objects.requireNonNull(compoundId);
        this.subject = text(subject, "subject");
        if (amountFen <= 0) {
            throw new BusinessRuleViolation("invalid-amount", "an amount is a positive number of fen", amountFen);
        }
        this.amountFen = amountFen;
    }

    /** Opens the record with its first step, the party organisation's proposal (党组织提议). */
    public static Deliberation propose(String compoundId, String subject, long amountFen, LocalDate proposedOn,
                                       String summary, String actor, LocalDate today, Instant now) {
        Deliberation deliberation = new Deliberation(NewIds.next(), compoundId, subject, amountFen);
        deliberation.createdAt = now;
        deliberation.record(DeliberationStep.PROPOSAL, proposedOn, summary, null, actor, today, now);
        return deliberation;
    }

    /**
     * Records the next step. Steps come in their order, on days that never go back and never lie in the future;
     * the DECISION says whether the spending is approved; nothing but the publication of the result follows a
     * rejection; the implementation is published only once the expense is booked.
     */
    public Step record(DeliberationStep step, LocalDate on, String summary, Boolean approvedAtDecision, String actor,
                       LocalDate today, Instant now) {
        Objects.requireNonNull(step);
        DeliberationStep expected = next();
        if (expected == null || step != expected) {
            throw new BusinessRuleViolation("deliberation-step-out-of-order", "the next step is " + expected,
                    expected == null ? "—" : expected.name(), step.name());
        }
        if (on == null || on.isAfter(today) || (!steps.isEmpty() && on.isBefore(steps.get(steps.size() - 1).on()))) {
            throw new BusinessRuleViolation("invalid-step-date",
                    "a step is on or after the previous one and not in the future", on);
        }
        if (Boolean.FALSE.equals(approved) && step == DeliberationStep.IMPLEMENTATION_PUBLICATION) {
            throw new BusinessRuleViolation("deliberation-rejected", "the spending was rejected", id);
        }
        if (step == DeliberationStep.IMPLEMENTATION_PUBLICATION && expenseEntryId == null) {
            throw new BusinessRuleViolation("expense-not-booked",
                    "the implementation is published after the expense is booked", id);
        }
        if (step == DeliberationStep.DECISION) {
            if (approvedAtDecision == null) {
                throw new BusinessRuleViolation("decision-outcome-required", "a decision approves or rejects", id);
            }
            approved = approvedAtDecision;
        }
        Step recorded = new Step(step, on, text(summary, "summary"), actor, now);
        steps.add(recorded);
        return recorded;
    }

    /**
     * Whether this record lets an expense of {@code expenseFen} be booked: approved, its result published, the
     * amount within the approved one and not used by another expense. 422 otherwise.
     */
    public void authorise(long expenseFen) {
        if (!Boolean.TRUE.equals(approved) || !has(DeliberationStep.RESULT_PUBLICATION)) {
            throw new BusinessRuleViolation("deliberation-not-ready",
                    "the spending must be approved by the decision and the result published first", id);
        }
        if (expenseFen > amountFen) {
            throw new BusinessRuleViolation("deliberation-amount-exceeded",
                    "the expense exceeds the amount the deliberation approved", expenseFen, amountFen);
        }
        if (expenseReference != null) {
            throw new BusinessRuleViolation("deliberation-used", "another expense already cites this deliberation",
                    id, expenseEntryId == null ? "—" : expenseEntryId);
        }
    }

    /** The step due next, {@code null} when the record is complete or closed by a rejection. */
    public DeliberationStep next() {
        if (steps.isEmpty()) {
            return DeliberationStep.PROPOSAL;
        }
        DeliberationStep last = steps.get(steps.size() - 1).step();
        if (last == DeliberationStep.IMPLEMENTATION_PUBLICATION
                || (last == DeliberationStep.RESULT_PUBLICATION && Boolean.FALSE.equals(approved))) {
            return null;
        }
        return DeliberationStep.values()[last.ordinal() + 1];
    }

    /** Links the expense that cites the record (its claim already held the reference). */
    void referenceExpense(String reference, String entryId) {
        this.expenseReference = reference;
        this.expenseEntryId = entryId;
    }

    boolean has(DeliberationStep step) {
        return steps.stream().anyMatch(recorded -> recorded.step() == step);
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("invalid-deliberation-text", field + " is 1 to " + MAX_TEXT + " characters",
                    field, MAX_TEXT);
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public String subject() {
        return subject;
    }

    public long amountFen() {
        return amountFen;
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    public Boolean approved() {
        return approved;
    }

    public String expenseReference() {
        return expenseReference;
    }

    public String expenseEntryId() {
        return expenseEntryId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** One recorded step: which, on what day, what happened, who recorded it and when. */
    public record Step(DeliberationStep step, LocalDate on, String summary, String recordedBy, Instant recordedAt) {
    }
}
