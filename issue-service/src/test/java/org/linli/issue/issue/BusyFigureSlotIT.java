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
 * Every slot counts as busy here (one issue is enough), may lag ten minutes and is recomputed behind every request
 * that used sums behind its rev: a request right after a save is answered from the sums kept before it, and later
 * ones catch up.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=busy-figures-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.grid-service.url=http://127.0.0.1:9",
        "linli.issue.statistics.warm-up=false", "linli.issue.statistics.busy-slot.issues=1",
        "linli.issue.statistics.busy-slot.lag=10m", "linli.issue.statistics.busy-slot.refresh-every=0s"})
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
    void aBusySlotAnswersFromItsRecentSumsAndIsRecomputedBehindTheRequest() {
        IssueStatistics.Figures before = figures();
        Issue open = issues.findById(stored.get(1).id()).orElseThrow();
        open.reject("不属于受理范围", "admin", T0.plusSeconds(3 * 86_400));
        issues.save(open);

        assertThat(figures()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures()).isEqualTo(FigureCacheIT.reference(issues, "", FROM, T0)));
        assertThat(figures().byStatus().get(IssueStatus.REJECTED))
                .isEqualTo(before.byStatus().getOrDefault(IssueStatus.REJECTED, 0) + 1);
    }

    private IssueStatistics.Figures figures() {
        return cache.figures("", FROM, T0, T0);
    }
}
