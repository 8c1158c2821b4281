package org.linli.org.company;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.bson.Document;
import org.linli.events.Topics;
import org.linli.events.org.PropertyCompanyPartyStatusChanged;
import org.linli.org.unit.OrgUnitDirectory;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.platform.web.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Records and counts how property companies are covered by the party organisation, within the caller's scope. */
@Service
public class PropertyCompanyCoverage {

    private final PropertyCompanyPartyStatusRepository statuses;
    private final OrgUnitDirectory units;
    private final MongoOperations mongo;
    private final Clock clock;

    PropertyCompanyCoverage(PropertyCompanyPartyStatusRepository statuses, OrgUnitDirectory units,
                            MongoOperations mongo, Clock clock) {
        this.statuses = statuses;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records a company's coverage under a unit (a community or street) the caller's scope covers. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PropertyCompanyPartyStatusChanged.class,
            description = "a property company's party-organisation coverage changed"))
    public PropertyCompanyPartyStatus record(Caller caller, String unitId, String companyId, String companyName,
                                             PartyCoverageMode mode, String branchUnitId, String instructorName) {
        UnitView unit = units.visibleTo(caller, unitId);
        UnitView branch = branchUnitId == null ? null : units.visibleTo(caller, branchUnitId);
        PropertyCompanyPartyStatus status = statuses.findById(companyId)
                .orElseGet(() -> new PropertyCompanyPartyStatus(companyId, unit));
        if (!caller.covers(status.unitPath())) {
            throw new AccessDeniedException("company registered outside the caller's scope");
        }
        status.cover(companyName, mode, branch, instructorName, clock.instant());
        return statuses.save(status);
    }

    Page<PropertyCompanyPartyStatus> list(Caller caller, String unitId, Pageable pageable) {
        return statuses.findByUnitPathStartingWith(units.visibleTo(caller, unitId).path(), pageable);
    }

    /** Which of these companies have a coverage status recorded (anywhere in the county). */
    public Set<String> withStatus(Set<String> companyIds) {
        if (companyIds.isEmpty()) {
            return Set.of();
        }
        return statuses.findAllById(companyIds).stream().map(PropertyCompanyPartyStatus::companyId)
                .collect(Collectors.toSet());
    }

    /** Companies registered in a subtree ({@code null}: the whole county), counted by coverage mode. */
    public Map<PartyCoverageMode, Long> countByMode(String subtreePath) {
        Criteria within = subtreePath == null ? new Criteria()
                : Criteria.where("unitPath").regex("^" + Pattern.quote(subtreePath));
        Map<PartyCoverageMode, Long> counts = new EnumMap<>(PartyCoverageMode.class);
        for (PartyCoverageMode mode : PartyCoverageMode.values()) {
            counts.put(mode, 0L);
        }
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(within), Aggregation.group("mode").count().as("n")),
                        "property_company_party_status", Document.class)
                .forEach(row -> counts.put(PartyCoverageMode.valueOf(row.getString("_id")),
                        ((Number) row.get("n")).longValue()));
        return counts;
    }
}
