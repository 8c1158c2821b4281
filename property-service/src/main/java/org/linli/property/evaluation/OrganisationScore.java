package org.linli.property.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The party organisation's score (0-100) of an ORGANISATION item for a compound and month; id = compound:month:item. */
@Document("organisation_scores")
public record OrganisationScore(@Id String id, String compoundId, @Indexed String communityPath, @Indexed String month,
                                String itemCode, int score, String scorerAccountId) {
}
