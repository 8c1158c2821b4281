package org.linli.points.honour;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A black-list entry (黑榜): a person who broke the community's rules, with the reason, the evidence
 * and an expiry. While active ({@code from ≤ now < until}, not lifted) the person earns no points:
 * earning credits are refused and recorded as refused; refunds and corrections still apply. An entry is made by
 * an admin or by a rule over recorded behaviour ({@link #NO_SHOW_RULE}); the listed person may appeal once, and an
 * admin grants the appeal (the entry is lifted) or rejects it.
 *
 * <p>A rule lists a person once at a time: its entry carries {@code ruleKey} ({@code rule/account}) with a unique
 * sparse index until it is lifted; once it has expired, the rule's next listing of the person releases the key
 * ({@link BlackList#listByRule}). An admin's entries carry none.
 */
@Document("black_list")
public class BlackListEntry {

    static final int MAX_REASON = 200;
    static final int MAX_EVIDENCE = 10;
    /** {@code listedBy} of an entry the no-show rule made (未到场: signed up, never checked in). */
    public static final String NO_SHOW_RULE = "rule:no-shows";

    @Id
    private String id;
    @Indexed // every earning credit asks whether the person is listed
    private String accountId;
    private String reason;
    private List<String> evidence;
    private Instant from;
    private Instant until;
    @Indexed // the list filtered by community
    private String communityUnitId;
    @Indexed // the list in the caller's subtree; OrgUnitMoved rewrites
    private String communityPath;
    private String listedBy;
    @Indexed(unique = true, sparse = true)
    private String ruleKey;
    private Instant liftedAt;
    private String liftedBy;
    private Appeal appeal;
    @Indexed // the admins' queue of appeals awaiting a decision
    private AppealState appealState;
    @Version
    private Long version;

    protected BlackListEntry() {
        // for the mapping layer
    }

    static BlackListEntry list(String accountId, String reason, List<String> evidence, Instant from, Instant until,
                               String communityUnitId, String communityPath, String listedBy) {
        if (!until.isAfter(from)) {
            throw new BusinessRuleViolation("invalid-expiry", "a black-list entry expires after it starts");
        }
        BlackListEntry entry = new BlackListEntry();
        entry.id = UUID.randomUUID().toString();
        entry.accountId = Objects.requireNonNull(accountId);
        entry.reason = reason;
        entry.evidence = List.copyOf(evidence);
        entry.from = from;
        entry.until = until;
        entry.communityUnitId = communityUnitId;
        entry.communityPath = communityPath;
        entry.listedBy = listedBy;
        return entry;
    }

    /** An entry made by {@code rule}, holding the rule's key for the person until it is lifted or released. */
    static BlackListEntry listByRule(String rule, String accountId, String reason, List<String> evidence,
                                     Instant from, Instant until, String communityUnitId, String communityPath) {
        BlackListEntry entry = list(accountId, reason, evidence, from, until, communityUnitId, communityPath, rule);
        entry.ruleKey = ruleKey(rule, accountId);
        return entry;
    }

    /** The key a rule's entry for the person holds while it may be in force (unique). */
    static String ruleKey(String rule, String accountId) {
        return rule + "/" + accountId;
    }

    /** Lifts the entry early (it stays as history). */
    void lift(String by, Instant now) {
        if (liftedAt != null) {
            throw new BusinessRuleViolation("already-lifted", "the entry was lifted on " + liftedAt, liftedAt);
        }
        if (!now.isBefore(until)) {
            throw new BusinessRuleViolation("already-expired", "the entry expired on " + until, until);
        }
        liftedAt = now;
        liftedBy = by;
        ruleKey = null;
    }

    /** The listed person's appeal, once, while the entry is in force. */
    void appeal(String reason, Instant now) {
        if (appeal != null) {
            throw new BusinessRuleViolation("already-appealed", "the entry was appealed on " + appeal.appealedAt(),
                    appeal.appealedAt());
        }
        if (!activeAt(now)) {
            throw new BusinessRuleViolation("not-in-force", "only an entry in force is appealed");
        }
        appeal = new Appeal(reason, now, null, null, null);
        appealState = AppealState.PENDING;
    }

    /** An admin's decision on the appeal: granted lifts the entry (when still in force), rejected keeps it. */
    void decideAppeal(boolean grant, String note, String by, Instant now) {
        if (appealState != AppealState.PENDING) {
            throw new BusinessRuleViolation(appeal == null ? "no-appeal" : "appeal-decided",
                    appeal == null ? "the entry has not been appealed" : "the appeal was decided already");
        }
        appeal = new Appeal(appeal.reason(), appeal.appealedAt(), note, by, now);
        appealState = grant ? AppealState.GRANTED : AppealState.REJECTED;
        if (grant && activeAt(now)) {
            liftedAt = now;
            liftedBy = by;
            ruleKey = null;
        }
    }

    public boolean activeAt(Instant now) {
        return liftedAt == null && !now.isBefore(from) && now.isBefore(until);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String reason() {
        return reason;
    }

    public List<String> evidence() {
        return evidence;
    }

    public Instant from() {
        return from;
    }

    public Instant until() {
        return until;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String listedBy() {
        return listedBy;
    }

    String ruleKey() {
        return ruleKey;
    }

    public Instant liftedAt() {
        return liftedAt;
    }

    public Long version() {
        return version;
    }

    public Appeal appeal() {
        return appeal;
    }

    public AppealState appealState() {
        return appealState;
    }

    /** The listed person's appeal (申诉) and the decision on it, once made. */
    public record Appeal(String reason, Instant appealedAt, String decisionNote, String decidedBy, Instant decidedAt) {
    }

    public enum AppealState {
        PENDING, GRANTED, REJECTED
    }
}
