package org.linli.property.courier;

import java.time.Instant;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified courier's registration as pushed to one compound's property company (推送至物业服务企业): the company
 * grants or refuses the courier access to the compound (e.g. enrols them for the face-recognition gate), once,
 * with who decided and when. Keyed {@code registrationId:compoundId}, so pushing a registration again creates
 * nothing twice. The courier's details stay on the registration (one copy of the personal data).
 */
@Document("courier_access_requests")
// property staff's pending list: the compounds their company serves ($in on the first key), by status
@CompoundIndex(name = "compoundId_status", def = "{'compoundId': 1, 'status': 1}")
public class AccessRequest {

    static final int MAX_REASON = 500;

    @Id
    private String id;
    @Indexed // a registration's decisions
    private String registrationId;
    private String compoundId;
    private String compoundName;
    private Instant requestedAt;
    private Status status;
    private Decision decision;
    @Version
    private Long version;

    protected AccessRequest() {
        // for the mapping layer
    }

    /** The request to one compound in the registration's area, PENDING. */
    static AccessRequest of(String registrationId, String compoundId, String compoundName, Instant now) {
        AccessRequest request = new AccessRequest();
        request.id = idOf(registrationId, compoundId);
        request.registrationId = registrationId;
        request.compoundId = compoundId;
        request.compoundName = compoundName;
        request.requestedAt = now;
        request.status = Status.PENDING;
        return request;
    }

    static String idOf(String registrationId, String compoundId) {
        return registrationId + ":" + compoundId;
    }

    /** The property company's decision: access granted, or refused with its reason; once. */
    void decide(boolean grant, String reason, String by, Instant now) {
        if (status != Status.PENDING) {
            throw new BusinessRuleViolation("wrong-step", "the access request has been decided already: " + status,
                    status.name());
        }
        String why = grant ? blankToNull(reason) : Reasons.required(reason, MAX_REASON);
        if (why != null && why.length() > MAX_REASON) {
            throw new BusinessRuleViolation("reason-too-long", "a reason has at most " + MAX_REASON + " characters",
                    MAX_REASON);
        }
        status = grant ? Status.GRANTED : Status.REFUSED;
        decision = new Decision(grant, why, by, now);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String id() {
        return id;
    }

    public String registrationId() {
        return registrationId;
    }

    public String compoundId() {
        return compoundId;
    }

    public String compoundName() {
        return compoundName;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    public Decision decision() {
        return decision;
    }

    public Long version() {
        return version;
    }

    public enum Status {
        PENDING("待处理"), GRANTED("已准入"), REFUSED("未准入");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The company's decision on the record: granted or not, the reason (required for a refusal), by, at. */
    public record Decision(boolean granted, String reason, String by, Instant at) {
    }
}
