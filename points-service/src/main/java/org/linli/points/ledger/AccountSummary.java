package org.linli.points.ledger;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cache beside an account's ledger: the head of the ledger as of some entry (its sequence,
 * balance, day and running daily total, all copied from that one entry in one atomic write, so a
 * writer starts from it without reading the entry), and who holds the account: the name shown on honour lists and the
 * community whose admins may read it. The entries stay the truth: a reader of the balance probes
 * for entries past {@code lastSequence}, so a summary left behind by a crash is never believed.
 */
@Document(AccountSummary.COLLECTION)
public record AccountSummary(@Id String accountId, long lastSequence, long balance, String day, long earnedThatDay,
                             String holderName, String communityUnitId, @Indexed String communityPath, Instant updatedAt) {

    public static final String COLLECTION = "points_accounts";
}
