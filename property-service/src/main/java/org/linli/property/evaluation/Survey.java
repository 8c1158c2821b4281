package org.linli.property.evaluation;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A quarterly resident survey (季测评) of a compound: how many residents answered and how many were satisfied.
 * One per compound and quarter ({@code id} = compound:quarter); recording it again replaces it.
 */
@Document("surveys")
public record Survey(@Id String id, @Indexed String compoundId, @Indexed String communityPath, @Indexed String quarter,
                     int respondents, int satisfied, LocalDate conductedOn) {
}
