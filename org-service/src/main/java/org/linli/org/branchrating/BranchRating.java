package org.linli.org.branchrating;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One resident's rating of their branch in one round: a {@link Score} and an optional comment. Who rated is kept
 * only as {@code raterKey} (the resident's account, or the hash of the visit code used), which no answer shows; the
 * unique index on (round, branch, rater) makes a second rating by the same resident, or a second use of a code,
 * fail however the requests race.
 */
@Document("branch_ratings")
// one rating per rater, branch and round; its prefix (roundId, branchId) also serves the results and comments
@CompoundIndex(name = "round_branch_rater", def = "{'roundId': 1, 'branchId': 1, 'raterKey': 1}", unique = true)
public class BranchRating {

    static final int MAX_COMMENT = 500;

    @Id
    private String id;
    private String roundId;
    private String branchId;
    private String raterKey;
    private Channel channel;
    private Score score;
    private String comment;
    private Instant ratedAt;

    protected BranchRating() {
        // for the mapping layer
    }

    /** A RESIDENT account's rating; its key is the account, so one per resident. */
    static BranchRating byResident(String roundId, String branchId, String accountId, Score score, String comment,
                                   Instant now) {
        return new BranchRating(roundId, branchId, "account:" + accountId, Channel.RESIDENT_ACCOUNT, score, comment,
                now);
    }

    /** A rating with a random visit's code; its key is the code's hash, so one per code. */
    static BranchRating byCode(RatingCode code, Score score, String comment, Instant now) {
        return new BranchRating(code.roundId(), code.branchId(), "code:" + code.hash(), Channel.VISIT_CODE, score,
                comment, now);
    }

    private BranchRating(String roundId, String branchId, String raterKey, Channel channel, Score score,
                         String comment, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roundId = roundId;
        this.branchId = branchId;
        this.raterKey = raterKey;
        this.channel = channel;
        this.score = score;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.ratedAt = now;
    }

    public String id() {
        return id;
    }

    public String roundId() {
        return roundId;
    }

    public String branchId() {
        return branchId;
    }

    String raterKey() {
        return raterKey;
    }

    public Channel channel() {
        return channel;
    }

    public Score score() {
        return score;
    }

    public String comment() {
        return comment;
    }

    public Instant ratedAt() {
        return ratedAt;
    }

    /** How the rating came in. */
    public enum Channel {
        /** A resident signed in with their own account. */
        RESIDENT_ACCOUNT,
        /** A one-time code handed out during a random visit (随机走访). */
        VISIT_CODE
    }
}
