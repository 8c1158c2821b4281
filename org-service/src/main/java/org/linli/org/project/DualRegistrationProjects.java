package org.linli.org.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.linli.org.dualregistration.ProjectList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The projects dual-registration units claimed, for their gaps list and year-end figures ({@link ProjectList}). */
@Component
class DualRegistrationProjects implements ProjectList {

    private final MongoOperations mongo;
    private final Clock clock;
    private final ZoneId zone;

    DualRegistrationProjects(MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Set<String> unitsWithClaimsIn(int year) {
        Query query = Query.query(Criteria.where("year").is(year).and("owner.kind")
                .is(Provider.Kind.DUAL_REGISTRATION_UNIT).and("status").ne(Project.Status.CANCELLED));
        query.fields().include("owner");
        return mongo.find(query, Project.class).stream().map(project -> project.owner().id())
                .collect(Collectors.toSet());
    }

    @Override
    public Map<String, List<Year>> byYear(Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("owner.id").in(unitIds).and("owner.kind")
                .is(Provider.Kind.DUAL_REGISTRATION_UNIT).and("status").ne(Project.Status.CANCELLED));
        query.fields().include("owner").include("year").include("status").include("deadline");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Map<Integer, Year>> byUnit = new HashMap<>();
        for (Project project : mongo.find(query, Project.class)) {
            Year one = new Year(project.year(), 1, project.status() == Project.Status.DONE ? 1 : 0,
                    project.overdueOn(today) ? 1 : 0);
            byUnit.computeIfAbsent(project.owner().id(), id -> new TreeMap<>()).merge(project.year(), one,
                    (a, b) -> new Year(a.year(), a.claimed() + b.claimed(), a.done() + b.done(),
                            a.overdue() + b.overdue()));
        }
        Map<String, List<Year>> years = new HashMap<>();
        byUnit.forEach((unit, perYear) -> years.put(unit, List.copyOf(perYear.values())));
        return years;
    }
}
