package org.linli.points.earning;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An earning credit that was not applied, kept so the refusal is visible and stays final: the same
 * deed arriving again (a redelivered event, a re-confirmed activity) is refused again rather than
 * credited once the black-list entry has expired or a new day has begun. The id
 * {@code accountId:reference} makes the record itself idempotent.
 */
@Document("refused_credits")
record RefusedCredit(@Id String id, String accountId, String reference, String reason, long amount, String why,
                     String blackListEntryId, String communityUnitId, Instant refusedAt) {

    static String id(String accountId, String reference) {
        return accountId + ":" + reference;
    }
}
