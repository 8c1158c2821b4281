package org.linli.org.dualregistration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.events.property.PatrolAssignmentStarted;
import org.linli.events.property.PatrolRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The 包保 duties of dual-registration units, from property-service's patrol events. Each event is one upsert by
 * the assignment id with {@code $set} on the paths it owns (the assignment's fields, or {@code patrols.<number>}),
 * so a redelivery changes nothing and the events commute: no version ordering is needed, and none is wanted, since
 * a late PatrolRecorded is a patrol to count, not a stale state. Kept apart from the unit's document so that
 * events never move the version an admin's write is checked against.
 */
@Component
public class PatrolDuties {

    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;

    PatrolDuties(MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    public void apply(PatrolAssignmentStarted started) {
        mongo.upsert(byId(started.assignmentId()), new Update().set("unitId", started.unitId())
                .set("compoundId", started.compoundId()).set("compoundName", started.compoundName())
                .set("communityUnitId", started.communityUnitId()).set("startsOn", started.startsOn())
                .set("endsOn", started.endsOn()).set("everyDays", started.everyDays()), PatrolDuty.class);
    }

    public void apply(PatrolRecorded recorded) {
        mongo.upsert(byId(recorded.assignmentId()), new Update().set("unitId", recorded.unitId())
                .set("compoundId", recorded.compoundId())
                .set("patrols." + recorded.patrolNumber(), new PatrolDuty.Patrol(recorded.patrolNumber(),
                        recorded.patrolledOn(), recorded.problemsFound())), PatrolDuty.class);
    }

    /** The units' duties per year, newest first, by unit id (one read for a page of units). */
    Map<String, List<PatrolDuty.Year>> byYear(Collection<String> unitIds) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return mongo.find(Query.query(Criteria.where("unitId").in(unitIds)), PatrolDuty.class).stream()
                .collect(Collectors.groupingBy(PatrolDuty::unitId, Collectors.collectingAndThen(Collectors.toList(),
                        duties -> PatrolDuty.byYear(duties, today))));
    }

    private static Query byId(String assignmentId) {
        return Query.query(Criteria.where("_id").is(assignmentId));
    }
}
