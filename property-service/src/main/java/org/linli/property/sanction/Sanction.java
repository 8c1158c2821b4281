package org.linli.property.sanction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.property.SanctionIssued;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sanction on a property company, with its reason, evidence references and an appeal window. A yellow
 * card keeps the company on the public caution list (谨慎选聘) until it is lifted or revoked on appeal; a
 * supervised item (督办) has a deadline and is resolved; an eviction (清退) is issued with the compound's
 * own write (see {@code Compound.evict}) and recorded here for its appeal.
 */
@Document("sanctions")
// the public caution list (yellow cards), the kind and status filters, and the overdue supervised items
@CompoundIndex(name = "kind_status_deadline", def = "{'kind': 1, 'status': 1, 'deadline': 1}")
public class Sanction extends AggregateRoot {

    static final int MAX_TEXT = 1000;

    @Id
    private String id;
    private SanctionKind kind;
    @Indexed
    private String companyId;
    private String compoundId;
    /** The compound's community path, {@code null} for a company-wide sanction. */
    @Indexed // the list in the caller's subtree; OrgUnitMoved rewrites
    private String communityPath;
    private String reason;
    private List<String> evidenceRefs;
    private LocalDate issuedOn;
    private LocalDate appealUntil;
    private LocalDate deadline;
    private Status status;
    private Appeal appeal;
    private LocalDate closedOn;
    private String issuedBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected Sanction() {
        // for the mapping layer
    }

    private Sanction(String id, SanctionKind kind, String companyId, String compoundId, String communityPath,
                     String reason, List<String> evidenceRefs, LocalDate issuedOn, LocalDate appealUntil,
                     LocalDate deadline, String issuedBy, Instant now) {
        this.id = id;
        this.kind = kind;
        this.companyId = Objects.requireNonNull(companyId);
        this.compoundId = compoundId;
        this.communityPath = communityPath;
        this.reason = validReason(reason);
        this.evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        this.issuedOn = issuedOn;
        this.appealUntil = appealUntil;
        this.deadline = deadline;
        this.status = Status.IN_FORCE;
        this.issuedBy = issuedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Issues a sanction other than an eviction. A supervised item needs a deadline after {@code today};
     * the company may appeal for {@code appealWindowDays} days.
     */
    public static Sanction issue(SanctionKind kind, String companyId, String compoundId, String communityPath,
                                 String reason, List<String> evidenceRefs, LocalDate deadline, LocalDate today,
                                 int appealWindowDays, String issuedBy, Instant now) {
        return issue(UUID.randomUUID().toString(), kind, companyId, compoundId, communityPath, reason, evidenceRefs,
                deadline, today, appealWindowDays, issuedBy, now);
    }

    /** As {@link #issue(SanctionKind, String, String, String, String, List, LocalDate, LocalDate, int, String, Instant)} with a given id. */
    public static Sanction issue(String id, SanctionKind kind, String companyId, String compoundId, String communityPath,
                                 String reason, List<String> evidenceRefs, LocalDate deadline, LocalDate today,
                                 int appealWindowDays, String issuedBy, Instant now) {
        if (Objects.requireNonNull(kind) == SanctionKind.EVICTION) {
            throw new BusinessRuleViolation("eviction-via-compound",
                    "an eviction is issued on the compound: POST /api/v1/compounds/{id}/evictions");
        }
        if (kind == SanctionKind.SUPERVISED_ITEM && (deadline == null || !deadline.isAfter(today))) {
            throw new BusinessRuleViolation("invalid-deadline", "a supervised item needs a deadline after today", today);
        }
        LocalDate appealUntil = today.plusDays(appealWindowDays);
        Sanction sanction = new Sanction(id, kind, companyId, compoundId, communityPath, reason, evidenceRefs, today,
                appealUntil, kind == SanctionKind.SUPERVISED_ITEM ? deadline : null, issuedBy, now);
        sanction.recordEvent(id, new SanctionIssued(id, companyId, compoundId, kind.name(), appealUntil), now);
        return sanction;
    }

    /** The record of an eviction whose SanctionIssued event went out with the compound's write. */
    public static Sanction ofEviction(String id, String companyId, String compoundId, String communityPath,
                                      String reason, List<String> evidenceRefs, LocalDate evictedOn,
                                      LocalDate appealUntil, String issuedBy, Instant now) {
        return new Sanction(id, SanctionKind.EVICTION, companyId, compoundId, communityPath, reason, evidenceRefs,
                evictedOn, appealUntil, null, issuedBy, now);
    }

    /** The company appeals, once, within the window. */
    public void appeal(String grounds, LocalDate today, Instant now) {
        if (appeal != null) {
            throw new BusinessRuleViolation("already-appealed", "the sanction has already been appealed");
        }
        if (status != Status.IN_FORCE || today.isAfter(appealUntil)) {
            throw new BusinessRuleViolation("appeal-window-closed", "the appeal window closed on " + appealUntil,
                    appealUntil);
        }
        appeal = new Appeal(today, validReason(grounds), null, null, null);
        status = Status.APPEALED;
        updatedAt = now;
    }

    /**
     * Decides the appeal: {@code upheld} revokes the sanction (an evicted company's contract is not restored:
     * the compound has a fallback and will select a company), otherwise the sanction stays in force.
     */
    public void decideAppeal(boolean upheld, String note, LocalDate today, Instant now) {
        if (status != Status.APPEALED) {
            throw new BusinessRuleViolation("no-pending-appeal", "the sanction has no appeal waiting for a decision");
        }
        appeal = new Appeal(appeal.filedOn(), appeal.grounds(), upheld ? AppealOutcome.UPHELD : AppealOutcome.DISMISSED,
                today, note);
        status = upheld ? Status.REVOKED : Status.IN_FORCE;
        closedOn = upheld ? today : null;
        updatedAt = now;
    }

    /** Lifts a yellow card: the company leaves the caution list. */
    public void lift(LocalDate today, Instant now) {
        if (kind != SanctionKind.YELLOW_CARD || status == Status.LIFTED || status == Status.REVOKED) {
            throw new BusinessRuleViolation("not-liftable", "only a yellow card in force can be lifted");
        }
        close(Status.LIFTED, today, now);
    }

    /** Marks a supervised item rectified. */
    public void resolve(LocalDate today, Instant now) {
        if (kind != SanctionKind.SUPERVISED_ITEM || status != Status.IN_FORCE) {
            throw new BusinessRuleViolation("not-resolvable", "only a supervised item in force can be resolved");
        }
        close(Status.RESOLVED, today, now);
    }

    private void close(Status closed, LocalDate today, Instant now) {
        status = closed;
        closedOn = today;
        updatedAt = now;
    }

    /** Whether it keeps the company on the public caution list. */
    public boolean cautions() {
        return kind == SanctionKind.YELLOW_CARD && (status == Status.IN_FORCE || status == Status.APPEALED);
    }

    /** Whether a supervised item is past its deadline and not resolved. */
    public boolean overdue(LocalDate today) {
        return kind == SanctionKind.SUPERVISED_ITEM && status == Status.IN_FORCE && today.isAfter(deadline);
    }

    private static String validReason(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("invalid-reason", "a reason has 1 to 1000 characters");
        }
        return text.strip();
    }

    public String id() {
        return id;
    }

    public SanctionKind kind() {
        return kind;
    }

    public String companyId() {
        return companyId;
    }

    public String compoundId() {
        return compoundId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String reason() {
        return reason;
    }

    public List<String> evidenceRefs() {
        return evidenceRefs;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate appealUntil() {
        return appealUntil;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public Status status() {
        return status;
    }

    public Appeal appeal() {
        return appeal;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Where a sanction stands. */
    public enum Status {
        IN_FORCE, APPEALED, REVOKED, LIFTED, RESOLVED
    }

    /** How an appeal was decided: UPHELD revokes the sanction, DISMISSED keeps it. */
    public enum AppealOutcome {
        UPHELD, DISMISSED
    }

    /** The company's appeal and its outcome ({@code null} until decided). */
    public record Appeal(LocalDate filedOn, String grounds, AppealOutcome outcome, LocalDate decidedOn, String note) {
    }
}
