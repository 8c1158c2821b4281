package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linli.issue.issue.Issues.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every slot counts as busy here (one issue is enough) and is recomputed behind every request that used sums behind
 * its rev: a request right after a save is answered from the sums kept before it, says so in {@code asOf}, and later
 * ones catch up.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=busy-figures-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9",
        "linli.issue.statistics.warm-up=false", "linli.issue.statistics.busy-slot.issues=1",
        "linli.issue.statistics.busy-slot.refresh-every=0s"})
@EmbeddedInfrastructure
class BusyFigureSlotIT {

    private static final Instant FROM = T0.minusSeconds(4 * 86_400);

    @Autowired
    FigureCache cache;
    @Autowired
    IssueRepository issues;
    @Autowired
    MongoTemplate mongo;

    private List<Issue> stored;

    @BeforeEach
    void threeDaysOfHotlineHistoryInTwoStreets() {
        stored = FigureCacheIT.threeDaysOfHotlineHistoryInTwoStreets(issues, mongo);
    }

    @Test
    void aBusySlotAnswersFromItsKeptSumsAsOfWhenTheyWereReadAndIsRecomputedBehindTheRequest() {
        IssueStatistics.Figures before = figures();
        Instant saved = Instant.now();
        Issue open = issues.findById(stored.get(1).id()).orElseThrow();
        open.reject("不属于受理范围", "admin", T0.plusSeconds(3 * 86_400));
        issues.save(open);

        IssueStatistics.Figures lagging = figures();
        FigureCacheIT.assertSameCounts(lagging, before);
        assertThat(lagging.asOf()).as("the kept sums were read before the save").isBefore(saved);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                FigureCacheIT.assertSameCounts(figures(), FigureCacheIT.reference(issues, "", FROM, T0)));
        IssueStatistics.Figures caughtUp = figures();
        assertThat(caughtUp.byStatus().get(IssueStatus.REJECTED))
                .isEqualTo(before.byStatus().getOrDefault(IssueStatus.REJECTED, 0) + 1);
        assertThat(caughtUp.asOf()).isAfter(saved);
    }

    @Test
    void theCountysHourGetsItsSumsAtItsTurnBeforeAnyoneAsks() {
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String slot = FigureRev.slotId("", hour, FigureRev.HOUR);

        cache.openTheCountysNewHour();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            FigureBucket opened = mongo.findById(slot, FigureBucket.class);
            assertThat(opened).isNotNull();
            assertThat(cache.current(opened)).isTrue();
        });
    }

    private IssueStatistics.Figures figures() {
        return cache.figures("", FROM, T0, T0);
    }
}
