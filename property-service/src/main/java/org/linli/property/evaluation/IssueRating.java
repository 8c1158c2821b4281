package org.linli.property.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's rating (1-5) of a closed issue in a compound, from issue-service's IssueClosed; keyed by the
 * issue id, so a redelivered event changes nothing. Ratings of 4 and 5 count as satisfied.
 */
@Document("issue_ratings")
public record IssueRating(@Id String issueId, String compoundId, String companyId, @Indexed String month, int rating) {

    boolean satisfied() {
        return rating >= 4;
    }
}
