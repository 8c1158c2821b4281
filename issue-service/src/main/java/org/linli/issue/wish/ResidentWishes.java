package org.linli.issue.wish;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The micro-wishes a resident made, as the resident's personal-data download shows them. */
@Component
public class ResidentWishes {

    private final MongoTemplate mongo;

    ResidentWishes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every wish of the account, newest first. */
    public List<Wish> of(String accountId) {
        Query query = Query.query(Criteria.where("residentAccountId").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        return mongo.find(query, MicroWish.class).stream().map(Wish::of).toList();
    }

    /** A wish with everything stored about it. */
    public record Wish(String id, String title, String description, String communityUnitId, String beneficiaryName,
                       String collectedBy, String status, String statusLabel, String claimantKind, String claimantName, String fulfilmentNote,
                       Instant publishedAt, Instant claimedAt, Instant fulfilledAt, Instant confirmedAt) {

        static Wish of(MicroWish wish) {
            return new Wish(wish.id(), wish.title(), wish.description(), wish.communityUnitId(),
                    wish.beneficiaryName(), wish.collectedBy(), wish.status().name(), wish.status().label(),
                    wish.claimantKind() == null ? null : wish.claimantKind().name(), wish.claimantName(), wish.fulfilmentNote(), wish.publishedAt(),
                    wish.claimedAt(), wish.fulfilledAt(), wish.confirmedAt());
        }
    }
}
