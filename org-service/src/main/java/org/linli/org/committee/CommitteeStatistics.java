package org.linli.org.committee;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Committee figures for a subtree of the organisation, for the coverage dashboard (DOMAIN.md §1:
 * formation rate, party-member share). A subtree is given by its path ({@code /street/community/});
 * {@code null} means the whole county. Each figure is one query on the committees' collection.
 */
@Component
public class CommitteeStatistics {

    private final MongoOperations mongo;
    private final CommitteeProperties properties;
    private final Clock clock;

    CommitteeStatistics(MongoOperations mongo, CommitteeProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Compounds that have a committee (formed, whatever the state of its term): the formation rate's numerator. */
    public Set<String> compoundsWithCommittee(String subtreePath) {
        return new HashSet<>(mongo.findDistinct(new Query(inSubtree(subtreePath)), "compoundId", OwnersCommittee.class,
                String.class));
    }

    /** Committees whose current term has not ended yet (a committee past its term without re-election is not counted). */
    public long activeCommittees(String subtreePath) {
        return mongo.count(new Query(active(subtreePath)), OwnersCommittee.class);
    }

    /** Active committees of which more than half of the current members are party members. */
    public long committeesWithPartyMajority(String subtreePath) {
        return mongo.count(new Query(active(subtreePath).and("partyMajority").is(true)), OwnersCommittee.class);
    }

    private Criteria active(String subtreePath) {
        return inSubtree(subtreePath).and("currentTerm.endsOn").gte(properties.today(clock));
    }

    private static Criteria inSubtree(String subtreePath) {
        return subtreePath == null ? new Criteria()
                : Criteria.where("communityPath").regex("^" + Pattern.quote(subtreePath));
    }
}
