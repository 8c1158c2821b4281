package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The stored shape of an issue does not depend on how the class groups its fields: the values it holds (where it was
 * placed, who reported it, its clocks) are stored flat, under the top-level field names that queries, indexes, other
 * services' updates and the documents already stored use; an issue reads back as it was saved; the indexes keep
 * their fields and names.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=figures-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9",
        "linli.issue.statistics.warm-up=false", "linli.messaging.outbox.enabled=false"})
@EmbeddedInfrastructure
class IssueDocumentIT {

    /** Every top-level field an issue document has ever had, as the stored documents have them. */
    private static final Set<String> FIELDS = new TreeSet<>(List.of("_id", "_class", "version", "eventSequence",
            "outbox", "category", "severity", "channel", "description", "lat", "lng", "buildingId", "address",
            "anonymous", "reporterAccountId", "reporterName", "reporterPhone", "callbackTokenHash", "photoIds", "gridId",
            "communityUnitId", "communityPath", "streetUnitId", "compoundId", "companyId", "departmentUnitId",
            "routedBy", "status", "heldFrom", "dispatchMode", "assigneeAppointmentId", "assigneeAccountId",
            "claimantAccountId", "handlerAccountId", "handlerKind", "level", "responsibleUnitId", "supervised",
            "onSiteDueAt", "firstSolutionDueAt", "solutionDueAt", "checkInDueAt", "callbackDueAt", "nextDueAt",
            "onSiteAt", "checkedInAt", "resolvedAt", "closedAt", "onSiteOverdue", "solutionOverdue", "heldSince",
            "holdReason", "resolutionNote", "resolutionPhotoIds", "rating", "ratingComment", "reopenCount",
            "duplicateOf", "suggestedDuplicateOf", "mergedIssueIds", "history", "reportedAt", "updatedAt",
            "importSource", "sourceRecordId", "importBatchId", "reporterAnonymisedAt"));

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoMappingContext mapping;

    @Test
    void issuesInEveryStateAreStoredFlatUnderTheirFieldNamesAndReadBackAsSaved() {
        List<Issue> samples = samples();
        Set<String> seen = new TreeSet<>();
        for (Issue issue : samples) {
            mongo.save(issue);
            Document raw = mongo.findById(issue.id(), Document.class, "issues");
            assertThat(FIELDS).as("fields of %s", issue.status()).containsAll(raw.keySet());
            seen.addAll(raw.keySet());
            assertThat(mongo.findById(issue.id(), Issue.class)).usingRecursiveComparison()
                    .ignoringFields("countedAsLoaded").isEqualTo(issue);
        }
        assertThat(seen).as("the samples store every field").isEqualTo(FIELDS);
    }

    /**
     * A query that projects some of an issue's fields (as {@link RecentReports} does at start) leaves the reporter's
     * and the clocks' flags out: the issue still reads, and the flags read as false. Before the
     * {@code @PersistenceCreator} factories a missing flag was passed as null to the records' primitives, and
     * issue-service failed to start on a store holding issues.
     */
    @Test
    void anIssueReadThroughAProjectionWithoutItsFlagsReadsThemAsFalse() {
        Issue stored = Issue.report(new Report(Category.PROPERTY_REPAIR, null, Channel.HOTLINE, "楼道灯不亮", 36.2,
                113.4, null, null, true, "resident-1", null, null, null, List.of(), T0.minusSeconds(30 * 86_400)),
                Issues.TO_GRID_WORKER, "dept-housing", POLICY, T0);
        assertThat(List.of(stored.anonymous(), stored.onSiteOverdue(), stored.solutionOverdue()))
                .as("stored with every flag set").containsOnly(true);
        mongo.save(stored);

        Query projected = Query.query(Criteria.where("_id").is(stored.id()));
        projected.fields().include("category").include("lat").include("lng").include("reportedAt");
        Issue read = mongo.findOne(projected, Issue.class);

        assertThat(read).isNotNull();
        assertThat(read.reportedAt()).isEqualTo(stored.reportedAt());
        assertThat(read.lat()).isEqualTo(36.2);
        assertThat(read.anonymous()).isFalse();
        assertThat(read.onSiteOverdue()).isFalse();
        assertThat(read.solutionOverdue()).isFalse();
    }

    @Test
    void theIndexesKeepTheirFieldsAndNames() {
        List<String> indexes = new ArrayList<>();
        new MongoPersistentEntityIndexResolver(mapping).resolveIndexFor(Issue.class)
                .forEach(index -> indexes.add(index.getIndexKeys().toJson() + " " + index.getIndexOptions().toJson()));
        assertThat(indexes).containsExactlyInAnyOrder(
                "{\"level\": 1, \"departmentUnitId\": 1, \"reportedAt\": -1} {\"name\": \"level_department_reported\"}",
                named("reporterAccountId"), named("gridId"), named("communityUnitId"), named("communityPath"),
                named("compoundId"), named("companyId"), named("status"), named("nextDueAt"), named("closedAt"),
                named("reportedAt"), "{\"outbox.eventId\": 1} {\"name\": \"outbox.eventId\", \"sparse\": true}");
    }

    private static String named(String field) {
        return "{\"" + field + "\": 1} {\"name\": \"" + field + "\"}";
    }

    /** Issues that between them set every field: resolved, held after a redirect, closed and anonymised, merged, imported. */
    private static List<Issue> samples() {
        Issue resolved = Issues.resolvedBy("account-1");

        Issue qrReport = Issue.report(new Report(Category.PROPERTY_REPAIR, null, Channel.QR_CODE, "楼道灯不亮", null,
                null, "building-1", "3号楼", false, null, "李四", "13912345678", "token-hash", List.of("photo-1"), null),
                Issues.TO_GRID_WORKER, "dept-housing", POLICY, T0);
        qrReport.redirect("dept-housing", "admin-1", POLICY, T0.plusSeconds(60));
        qrReport.checkIn("staff-1", T0.plusSeconds(120));
        qrReport.hold("等待材料", "admin-1", T0.plusSeconds(240));

        Issue closed = Issues.resolvedBy("account-1");
        closed.rate(2, true, "还是不亮", "resident-1", POLICY, T0.plusSeconds(1_000));
        closed.arrive("account-1", T0.plusSeconds(1_100));
        closed.resolve("account-1", HandlerKind.GRID_WORKER, "换了线路", List.of("photo-2"), POLICY,
                T0.plusSeconds(1_200));
        closed.rate(5, true, "好了", "resident-1", POLICY, T0.plusSeconds(1_300));
        closed.anonymiseReporter(T0.plusSeconds(90_000), T0.plusSeconds(90_000));

        Issue original = Issues.dispatchedToGridWorker();
        original.redirect("dept-housing", "admin-1", POLICY, T0.plusSeconds(60));
        Issue duplicate = Issues.dispatchedToGridWorker();
        duplicate.suggestDuplicateOf(original.id());
        duplicate.mergeInto(original, "admin-1", T0.plusSeconds(300));

        Issue claimed = Issues.reported(Category.PROPERTY_REPAIR, Issues.TO_COMMUNITY_QUEUE);
        claimed.dispatch(null, Severity.COMPLEX, POLICY, "admin-1", T0.plusSeconds(30));
        claimed.claim("member-1", T0.plusSeconds(60));

        Issue imported = Issues.imported(Issues.hotlineRecord("HL-1", IssueStatus.CLOSED, T0.minusSeconds(86_400 * 5)),
                T0);
        return List.of(resolved, qrReport, closed, original, duplicate, claimed, imported);
    }
}
