package org.linli.issue.issue;

import java.time.Duration;
import java.time.Instant;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * An approved pause of an issue (挂账): the state it was held in, since when, and why. While held every clock stops;
 * resuming returns to that state and moves the clocks on by {@link #lasted the time held}. Stored flat in the issue's
 * document ({@code @Unwrapped}), under the field names it always had.
 *
 * @param from the state the issue was held in, {@code null} while not held
 */
record Hold(@Field("heldFrom") IssueStatus from, @Field("heldSince") Instant since,
            @Field("holdReason") String reason) {

    /** An issue not held. */
    static final Hold NONE = new Hold(null, null, null);

    /** A hold of an issue in {@code status} from {@code now}: it needs a reason (422 otherwise). */
    static Hold of(IssueStatus status, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("hold-reason-required", "a hold needs a reason");
        }
        return new Hold(status, now, reason.strip());
    }

    /** Resumed: no longer held; the reason of the last hold stays to be read. */
    Hold ended() {
        return new Hold(null, null, reason);
    }

    /** How long the hold lasted when it ends at {@code now}. */
    Duration lasted(Instant now) {
        return Duration.between(since, now);
    }
}
