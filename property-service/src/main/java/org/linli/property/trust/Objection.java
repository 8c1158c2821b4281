package org.linli.property.trust;

import java.time.Instant;
import org.linli.events.property.TrustObjectionRaised;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An owner's objection (异议) to a line of the compound's trust account, and its answer on the record: the
 * company or the committee (through the community) answers once, and both stay visible to the compound's owners.
 */
@Document(Objection.COLLECTION)
public class Objection extends AggregateRoot {

    static final String COLLECTION = "trust_objections";
    static final int MAX_TEXT = 2000;

    @Id
    private String id;
    @Indexed
    private String compoundId;
    private String entryId;
    private long sequence;
    private String text;
    private String raisedBy;
    private Instant raisedAt;
    private Answer answer;

    protected Objection() {
        // for the mapping layer
    }

    private Objection(String id, TrustEntry entry, String text, String raisedBy, Instant now) {
        this.id = id;
        this.compoundId = entry.compoundId();
        this.entryId = entry.id();
        this.sequence = entry.sequence();
        this.text = text(text);
        this.raisedBy = raisedBy;
        this.raisedAt = now;
        recordEvent(id, new TrustObjectionRaised(id, compoundId, entryId), now);
    }

    static Objection raise(TrustEntry entry, String text, String raisedBy, Instant now) {
        return new Objection(NewIds.next(), entry, text, raisedBy, now);
    }

    /** Answers the objection; once (422 {@code already-answered}). */
    void answer(String answerText, String answeredBy, String answeredAs, Instant now) {
        if (answer != null) {
            throw new BusinessRuleViolation("already-answered", "the objection was answered on " + answer.answeredAt(),
                    answer.answeredAt());
        }
        this.answer = new Answer(text(answerText), answeredBy, answeredAs, now);
    }

    private static String text(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("invalid-objection-text", "1 to " + MAX_TEXT + " characters", MAX_TEXT);
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public String entryId() {
        return entryId;
    }

    public long sequence() {
        return sequence;
    }

    public String text() {
        return text;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public Answer answer() {
        return answer;
    }

    /**
     * @param answeredAs PROPERTY_COMPANY (the serving company's staff) or COMMUNITY (an admin recording the
     *                   committee's or community's answer)
     */
    public record Answer(String text, String answeredBy, String answeredAs, Instant answeredAt) {
    }
}
