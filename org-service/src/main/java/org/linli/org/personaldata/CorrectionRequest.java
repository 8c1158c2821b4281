package org.linli.org.personaldata;

import java.time.Instant;
import java.util.Objects;
import org.linli.platform.protection.SensitiveText;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.access.AccessDeniedException;

/**
 * A resident's request to correct what Linli holds about them (PIPL art. 46): which record and field, the value
 * they ask for and why. It is routed to the unit of the requester's scope (their community): the admins whose
 * scope covers that unit answer it, once, with CORRECTED or REFUSED (a refusal must say why). Answering changes
 * no data: the community corrects the record through the ordinary endpoints and answers on the request.
 */
@Document("correction_requests")
public class CorrectionRequest {

    static final int MAX_REF = 64;
    static final int MAX_VALUE = 500;
    static final int MAX_TEXT = 1000;

    @Id
    private String id;
    @Indexed
    private String requesterAccountId;
    private String requesterUsername;
    private String unitId;
    @Indexed
    private String unitPath;
    private PersonalDataPart part;
    private String recordId;
    private String field;
    /** Often a phone or ID number: stored encrypted (docs/protection.md). */
    private SensitiveText requestedValue;
    private String reason;
    @Indexed
    private Status status;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private Instant createdAt;
    @Version
    private Long version;

    protected CorrectionRequest() {
        // for the mapping layer
    }

    /** Where a request stands: OPEN until an admin covering the requester's unit answers it. */
    public enum Status {
        OPEN("待答复"), CORRECTED("已更正"), REFUSED("不予更正");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How an admin answers: the record was corrected, or the correction is refused (with reasons). */
    public enum Decision {
        CORRECTED, REFUSED
    }

    /** What the requester asks: which service's record, which field, the value wanted and why. */
    public record Correction(PersonalDataPart part, String recordId, String field, String requestedValue,
                             String reason) {

        public Correction {
            Objects.requireNonNull(part, "part");
            requireText(recordId, "recordId");
            requireText(field, "field");
            requireText(reason, "reason");
        }
    }

    /** Who files it: the signed-in account and the unit its scope names ({@code null} for a county-wide account). */
    public record Requester(String accountId, String username, String unitId, String unitPath) {

        public Requester {
            requireText(accountId, "accountId");
        }
    }

    /** Who answers, and which units they act for. */
    public interface Answerer {

        String accountId();

        boolean covers(String unitPath);
    }

    static CorrectionRequest file(String id, Requester requester, Correction correction, Instant now) {
        CorrectionRequest request = new CorrectionRequest();
        request.id = Objects.requireNonNull(id);
        request.requesterAccountId = requester.accountId();
        request.requesterUsername = requester.username();
        request.unitId = requester.unitId();
        request.unitPath = requester.unitPath();
        request.part = correction.part();
        request.recordId = correction.recordId();
        request.field = correction.field();
        request.requestedValue = SensitiveText.of(correction.requestedValue());
        request.reason = correction.reason();
        request.status = Status.OPEN;
        request.createdAt = now;
        return request;
    }

    /**
     * Answers the request on the record. Only an admin whose scope covers the requester's unit may (else
     * {@link AccessDeniedException}, 403), only once (422 {@code correction-request-answered}), and a refusal
     * needs its reasons (422 {@code correction-refusal-unexplained}).
     */
    void answer(Answerer answerer, Decision decision, String text, Instant now) {
        if (!answerer.covers(unitPath)) {
            throw new AccessDeniedException("correction request outside the caller's scope");
        }
        if (status != Status.OPEN) {
            throw new BusinessRuleViolation("correction-request-answered", "the request was already answered",
                    status.label());
        }
        Objects.requireNonNull(decision, "decision");
        if (decision == Decision.REFUSED && (text == null || text.isBlank())) {
            throw new BusinessRuleViolation("correction-refusal-unexplained", "a refusal must give its reasons");
        }
        status = decision == Decision.CORRECTED ? Status.CORRECTED : Status.REFUSED;
        answer = text == null || text.isBlank() ? null : text.strip();
        answeredBy = answerer.accountId();
        answeredAt = now;
    }

    boolean requestedBy(String accountId) {
        return requesterAccountId.equals(accountId);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public String id() {
        return id;
    }

    public String requesterAccountId() {
        return requesterAccountId;
    }

    public String requesterUsername() {
        return requesterUsername;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public PersonalDataPart part() {
        return part;
    }

    public String recordId() {
        return recordId;
    }

    public String field() {
        return field;
    }

    public String requestedValue() {
        return SensitiveText.valueOf(requestedValue);
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String answer() {
        return answer;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long version() {
        return version;
    }
}
