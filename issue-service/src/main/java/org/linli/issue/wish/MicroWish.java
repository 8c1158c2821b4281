package org.linli.issue.wish;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.linli.events.issue.MicroWishFulfilled;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A micro-wish (微心愿): published by a resident or collected by staff (wish boxes, visits), claimed by
 * a party member or a dual-registration unit (双报到单位), fulfilled, and confirmed by the resident
 * (or by staff for a collected wish), which publishes MicroWishFulfilled.
 */
@Document("micro_wishes")
public class MicroWish extends AggregateRoot {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 1000;

    @Id
    private String id;
    private String title;
    private String description;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    @Indexed
    private String residentAccountId;
    private String beneficiaryName;
    private String collectedBy;
    @Indexed
    private Status status;
    private ClaimantKind claimantKind;
    private String claimantId;
    private String claimantName;
    private String fulfilmentNote;
    @Indexed // the list's default order (newest first)
    private Instant publishedAt;
    private Instant claimedAt;
    private Instant fulfilledAt;
    private Instant confirmedAt;
    private Instant updatedAt;

    protected MicroWish() {
    }

    /** Published by the resident who wishes, or collected by staff for a beneficiary (residentAccountId null). */
    static MicroWish publish(String title, String description, String communityUnitId, String communityPath,
                             String residentAccountId, String beneficiaryName, String collectedBy, Instant now) {
        MicroWish wish = new MicroWish();
        wish.id = UUID.randomUUID().toString();
        wish.title = Objects.requireNonNull(title).strip();
        wish.description = description;
        wish.communityUnitId = Objects.requireNonNull(communityUnitId);
        wish.communityPath = communityPath;
        wish.residentAccountId = residentAccountId;
        wish.beneficiaryName = beneficiaryName;
        wish.collectedBy = collectedBy;
        wish.status = Status.PUBLISHED;
        wish.publishedAt = now;
        wish.updatedAt = now;
        return wish;
    }

    void claim(ClaimantKind kind, String claimantId, String claimantName, Instant now) {
        require(EnumSet.of(Status.PUBLISHED), "claim");
        claimantKind = Objects.requireNonNull(kind);
        this.claimantId = Objects.requireNonNull(claimantId);
        this.claimantName = claimantName;
        status = Status.CLAIMED;
        claimedAt = now;
        updatedAt = now;
    }

    void fulfil(String note, Instant now) {
        require(EnumSet.of(Status.CLAIMED), "fulfil");
        fulfilmentNote = note;
        status = Status.FULFILLED;
        fulfilledAt = now;
        updatedAt = now;
    }

    void confirm(Instant now) {
        require(EnumSet.of(Status.FULFILLED), "confirm");
        status = Status.CONFIRMED;
        confirmedAt = now;
        updatedAt = now;
        recordEvent(id, new MicroWishFulfilled(id, claimantKind.name(), claimantId, communityUnitId), now);
    }

    void cancel(Instant now) {
        require(EnumSet.of(Status.PUBLISHED, Status.CLAIMED), "cancel");
        status = Status.CANCELLED;
        updatedAt = now;
    }

    private void require(Set<Status> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new BusinessRuleViolation("illegal-transition", "cannot " + action + " a wish that is " + status,
                    action, status.name());
        }
    }

    boolean wishedBy(String accountId) {
        return residentAccountId != null && residentAccountId.equals(accountId);
    }

    boolean claimedBy(String accountId) {
        return claimantKind == ClaimantKind.PARTY_MEMBER && claimantId != null && claimantId.equals(accountId);
    }

    public String id() { return id; }
    String title() { return title; }
    String description() { return description; }
    String communityUnitId() { return communityUnitId; }
    String communityPath() { return communityPath; }
    String residentAccountId() { return residentAccountId; }
    String beneficiaryName() { return beneficiaryName; }
    String collectedBy() { return collectedBy; }
    Status status() { return status; }
    ClaimantKind claimantKind() { return claimantKind; }
    String claimantId() { return claimantId; }
    String claimantName() { return claimantName; }
    String fulfilmentNote() { return fulfilmentNote; }
    Instant publishedAt() { return publishedAt; }
    Instant claimedAt() { return claimedAt; }
    Instant fulfilledAt() { return fulfilledAt; }
    Instant confirmedAt() { return confirmedAt; }
    Instant updatedAt() { return updatedAt; }

    enum Status {
        PUBLISHED("待认领"), CLAIMED("已认领"), FULFILLED("已实现待确认"), CONFIRMED("已确认"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    enum ClaimantKind {
        PARTY_MEMBER, DUAL_REGISTRATION_UNIT
    }
}
