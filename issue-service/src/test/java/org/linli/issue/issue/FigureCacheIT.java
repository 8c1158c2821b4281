package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.issue.Issues.POLICY;
import static org.linli.issue.issue.Issues.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.issue.place.Route;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The figures kept per hour and day agree with one pass over the issues, for the county and for a street, and
 * follow every save of an issue in a slot they cover.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=figures-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9",
        "linli.issue.statistics.warm-up=false"})
@EmbeddedInfrastructure
class FigureCacheIT {

    private static final Route OTHER_STREET = new Route("grid-9", "community-9", "/street-2/community-9/", "street-2",
            null, null, null, null, Route.Source.LOCAL_COPY);
    private static final IssueStatus[] HISTORY = {IssueStatus.CLOSED, IssueStatus.REPORTED, IssueStatus.REJECTED,
            IssueStatus.RESOLVED, IssueStatus.IN_PROGRESS};

    @Autowired
    FigureCache cache;
    @Autowired
    IssueRepository issues;
    @Autowired
    MongoTemplate mongo;

    private final List<Issue> stored = new ArrayList<>();

    @BeforeEach
    void threeDaysOfHotlineHistoryInTwoStreets() {
        stored.addAll(threeDaysOfHotlineHistoryInTwoStreets(issues, mongo));
    }

    /** 60 imported issues over the three days before {@code T0}, a third of them in a second street; stored alone. */
    static List<Issue> threeDaysOfHotlineHistoryInTwoStreets(IssueRepository issues, MongoTemplate mongo) {
        mongo.dropCollection(Issue.class);
        mongo.dropCollection(FigureBucket.class);
        mongo.dropCollection(FigureRev.class);
        List<Issue> stored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant received = T0.minusSeconds(3 * 86_400).plusSeconds(i * 4_321L);
            HistoricalRecord record = Issues.hotlineRecord("r-" + i, HISTORY[i % HISTORY.length], received);
            Issue issue = Issue.imported(record, "batch-1", i % 3 == 0 ? OTHER_STREET : Issues.TO_GRID_WORKER,
                    "dept-housing", POLICY, T0.plusSeconds(3 * 86_400));
            stored.add(issues.save(issue));
        }
        return stored;
    }

    @Test
    void keptFiguresAgreeWithOnePassOverTheIssuesForTheCountyAndAStreet() {
        Instant from = T0.minusSeconds(3 * 86_400 - 1_234);
        Instant to = T0.minusSeconds(77);

        assertSameCounts(figures("", from, to), reference("", from, to));
        assertSameCounts(figures("", from, to), reference("", from, to));
        assertSameCounts(figures("/street-1/", from, to), reference("/street-1/", from, to));
        assertThat(mongo.findAll(FigureBucket.class)).isNotEmpty().allMatch(cache::current);
    }

    @Test
    void aSavedIssueMakesTheSumsOfItsSlotStaleAndTheFiguresFollowIt() {
        Instant from = T0.minusSeconds(4 * 86_400);
        Instant to = T0;
        int before = figures("", from, to).byStatus().getOrDefault(IssueStatus.REJECTED, 0);
        Issue open = issues.findById(stored.get(1).id()).orElseThrow();

        open.reject("不属于受理范围", "admin", T0.plusSeconds(3 * 86_400));
        issues.save(open);

        assertThat(mongo.findAll(FigureBucket.class)).anyMatch(bucket -> !cache.current(bucket));
        assertThat(figures("", from, to).byStatus().get(IssueStatus.REJECTED)).isEqualTo(before + 1);
        assertSameCounts(figures("", from, to), reference("", from, to));
        assertSameCounts(figures("/street-1/", from, to), reference("/street-1/", from, to));
    }

    @Test
    void aSaveThatChangesNoFigureKeepsTheSums() {
        Instant from = T0.minusSeconds(4 * 86_400);
        figures("", from, T0);
        Issue read = issues.findById(stored.get(2).id()).orElseThrow();

        issues.save(read);

        assertThat(mongo.findAll(FigureBucket.class)).isNotEmpty().allMatch(cache::current);
        assertSameCounts(figures("", from, T0), reference("", from, T0));
    }

    @Test
    void aDayIsTheSumOfItsHoursAndFollowsASaveInOneOfThem() {
        Instant day = T0.minusSeconds(2 * 86_400).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Instant to = day.plusSeconds(86_400);
        figures("", day, to);
        Issue inThatDay = stored.stream().filter(issue -> !issue.reportedAt().isBefore(day)
                && issue.reportedAt().isBefore(to) && issue.status() == IssueStatus.REPORTED).findFirst()
                .map(issue -> issues.findById(issue.id()).orElseThrow()).orElseThrow();

        inThatDay.reject("不属于受理范围", "admin", T0.plusSeconds(3 * 86_400));
        issues.save(inThatDay);

        assertSameCounts(figures("", day, to), reference("", day, to));
        assertThat(mongo.findAll(FigureBucket.class)).filteredOn(bucket -> bucket.id().contains("|H|"))
                .hasSizeGreaterThanOrEqualTo(24);
    }

    private IssueStatistics.Figures figures(String node, Instant from, Instant to) {
        return cache.figures(node, from, to, T0);
    }

    private IssueStatistics.Figures reference(String node, Instant from, Instant to) {
        return reference(issues, node, from, to);
    }

    /** The same counts and rates; {@code asOf} says when the sums were read, which the reference cannot know. */
    static void assertSameCounts(IssueStatistics.Figures actual, IssueStatistics.Figures expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(expected);
    }

    /** The figures by one pass over every stored issue, at {@code T0}. */
    static IssueStatistics.Figures reference(IssueRepository issues, String node, Instant from, Instant to) {
        List<IssueStatistics.FigureRow> rows = issues.findAll().stream()
                .filter(issue -> !issue.reportedAt().isBefore(from) && issue.reportedAt().isBefore(to))
                .filter(issue -> issue.communityPath().startsWith(node))
                .map(IssueStatistics.FigureRow::of).toList();
        return ReferenceFigures.of(rows, from, to, T0);
    }
}
