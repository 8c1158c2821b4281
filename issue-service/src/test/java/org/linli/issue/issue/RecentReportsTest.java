package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.GreatCircle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** The duplicate suggestion looks only at the cells around a report, and finds what comparing with every report would. */
class RecentReportsTest {

    private static final IssueSettings SETTINGS = new IssueSettings(Map.of(), 50, Duration.ofHours(24));

    private final Map<String, Issue> stored = new HashMap<>();
    private final RecentReports recent = recentReports();

    @Test
    void suggestsWhatComparingWithEveryReportWouldAcrossCellBordersAndLatitudes() {
        Random random = new Random(42);
        List<Issue> reports = new ArrayList<>();
        for (double centreLat : new double[] {18.3, 36.2, 53.4}) {
            for (int i = 0; i < 300; i++) {
                Issue report = near(random, centreLat, 113.4, 400, pick(random));
                remember(report);
                reports.add(report);
            }
        }
        for (double centreLat : new double[] {18.3, 36.2, 53.4}) {
            for (int i = 0; i < 300; i++) {
                Issue probe = near(random, centreLat, 113.4, 400, pick(random));
                assertThat(recent.duplicateOf(probe)).as("probe %s,%s", probe.lat(), probe.lng())
                        .isEqualTo(nearestByComparingWithEvery(reports, probe));
            }
        }
    }

    @Test
    void findsAReportJustInsideTheRadiusButNotJustOutsideIt() {
        Issue original = Issues.reportedAt(Category.ENVIRONMENT, 50.0, 120.0, Issues.T0);
        remember(original);
        double degreesOfLongitudePerMetre = 1 / (111_195 * Math.cos(Math.toRadians(50.0)));

        assertThat(recent.duplicateOf(Issues.reportedAt(Category.ENVIRONMENT, 50.0, 120.0 + 49 * degreesOfLongitudePerMetre,
                Issues.T0.plusSeconds(60)))).contains(original.id());
        assertThat(recent.duplicateOf(Issues.reportedAt(Category.ENVIRONMENT, 50.0, 120.0 + 52 * degreesOfLongitudePerMetre,
                Issues.T0.plusSeconds(60)))).isEmpty();
        assertThat(recent.duplicateOf(Issues.reportedAt(Category.PROPERTY_REPAIR, 50.0, 120.0, Issues.T0.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void aSpotReportedThousandsOfTimesStillFindsADuplicateAmongItsNewestReports() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Issue report = Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4, Issues.T0.plusSeconds(i));
            remember(report);
            ids.add(report.id());
        }

        Optional<String> duplicate = recent.duplicateOf(Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4,
                Issues.T0.plusSeconds(6_000)));

        assertThat(duplicate).get().isIn(ids.subList(ids.size() - RecentReports.PER_CELL, ids.size()));
    }

    @Test
    void forgetsReportsOlderThanTheWindow() {
        remember(Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4, Issues.T0));

        assertThat(recent.duplicateOf(Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4,
                Issues.T0.plus(Duration.ofHours(25))))).isEmpty();
    }

    private void remember(Issue report) {
        stored.put(report.id(), report);
        recent.add(report);
    }

    private static Optional<String> nearestByComparingWithEvery(List<Issue> reports, Issue probe) {
        Issue best = null;
        double bestMetres = Double.MAX_VALUE;
        for (Issue report : reports) {
            double metres = GreatCircle.metres(probe.lat(), probe.lng(), report.lat(), report.lng());
            if (report.category() == probe.category() && metres <= 50 && metres < bestMetres) {
                best = report;
                bestMetres = metres;
            }
        }
        return Optional.ofNullable(best).map(Issue::id);
    }

    private static Issue near(Random random, double lat, double lng, double metres, Category category) {
        double dLat = (random.nextDouble() * 2 - 1) * metres / 111_195;
        double dLng = (random.nextDouble() * 2 - 1) * metres / (111_195 * Math.cos(Math.toRadians(lat)));
        return Issues.reportedAt(category, lat + dLat, lng + dLng, Issues.T0.plusSeconds(random.nextInt(3_600)));
    }

    private static Category pick(Random random) {
        return random.nextBoolean() ? Category.ENVIRONMENT : Category.PROPERTY_REPAIR;
    }

    @Test
    void theWindowsReportsStoredBeforeAStartAreSuggestedAfterItAndUnreadableOnesAreSkipped() {
        Issue before = Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4, Issues.T0.minusSeconds(600));
        stored.put(before.id(), before);
        RecentReports restarted = recentReports(
                new org.bson.Document("_id", before.id()).append("category", "ENVIRONMENT").append("lat", 36.2)
                        .append("lng", 113.4).append("reportedAt", java.util.Date.from(before.reportedAt())),
                new org.bson.Document("_id", "no-longer-a-category").append("category", "RETIRED").append("lat", 36.2)
                        .append("lng", 113.4).append("reportedAt", java.util.Date.from(before.reportedAt())));

        assertThat(restarted.duplicateOf(Issues.reportedAt(Category.ENVIRONMENT, 36.2, 113.4, Issues.T0)))
                .contains(before.id());
    }

    private RecentReports recentReports(org.bson.Document... storedReports) {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.getCollectionName(Issue.class)).thenReturn("issues");
        when(mongo.stream(any(Query.class), eq(org.bson.Document.class), eq("issues")))
                .thenReturn(Stream.of(storedReports));
        when(mongo.findById(anyString(), eq(Issue.class))).thenAnswer(call -> stored.get(call.<String>getArgument(0)));
        return new RecentReports(mongo, SETTINGS, Clock.fixed(Issues.T0, ZoneOffset.UTC));
    }
}
