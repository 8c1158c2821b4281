package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.issue.IssueServiceApplication;
import org.linli.issue.Seeds;
import org.linli.issue.place.Places;
import org.linli.issue.place.Route;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of issue-service on one store and one consumer group (issue #18): the deadline sweep runs on one
 * instance per tick, an overdue issue is escalated once however the two sweep, and the in-memory place index of
 * each instance follows the copies whichever instance's consumer wrote them, as does each instance's index of recent
 * reports (the duplicate suggestion) whichever instance took them.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=two-instances-it-${random.uuid}",
        "linli.issue.sweep.interval=1h", "linli.issue.grid-service.url=http://127.0.0.1:9",
        "linli.issue.statistics.warm-up=false"})
@EmbeddedInfrastructure
class TwoInstancesIT {

    private static final String[] SHARED = {"spring.kafka.bootstrap-servers", "spring.mongodb.uri",
            "spring.kafka.consumer.group-id", "linli.issue.sweep.interval", "linli.issue.grid-service.url",
            "linli.issue.statistics.warm-up", "linli.messaging.outbox.poll-interval", "linli.protection.data-dir"};
    /** Inside the seed grid only once GridBoundaryChanged (the pinned example) has widened it eastwards. */
    private static final double WIDENED_LAT = 36.201;
    private static final double WIDENED_LNG = 113.4025;
    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;
    @Autowired
    IssueRepository issues;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    IssueConfiguration.DeadlineSweeper sweeper;
    @Autowired
    Places places;
    @Autowired
    DeadlinePolicy policy;
    @Autowired
    Clock clock;
    @Autowired
    IssueIntake intake;

    @BeforeEach
    void aSecondInstanceOnTheSameStoreAndGroup() {
        if (second == null) {
            Stream<String> shared = Stream.of(SHARED).map(key -> "--" + key + "=" + environment.getRequiredProperty(key));
            second = new SpringApplicationBuilder(IssueServiceApplication.class)
                    .run(Stream.concat(Stream.of("--server.port=0"), shared).toArray(String[]::new));
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void overdueIssuesAreEscalatedOnceWhenBothInstancesSweepAtOnce() throws Exception {
        Instant now = clock.instant();
        List<Issue> overdue = overdueIssues(300, now.minus(Duration.ofDays(2)));
        Issue oneSweep = oneSweepOf(overdue.get(0), now);
        assertThat(escalations(oneSweep)).isPositive();

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sweepAfter(start, sweeper));
        CompletableFuture<Void> other = CompletableFuture.runAsync(
                () -> sweepAfter(start, second.getBean(IssueConfiguration.DeadlineSweeper.class)));
        start.countDown();
        CompletableFuture.allOf(first, other).get();

        List<Issue> swept = issues.findAllById(overdue.stream().map(Issue::id).toList());
        assertThat(swept).hasSize(300).allSatisfy(issue -> {
            assertThat(issue.level()).isEqualTo(oneSweep.level());
            assertThat(escalations(issue)).isEqualTo(escalations(oneSweep));
        });
    }

    @Test
    void aJobDoesNotRunOnOneInstanceWhileTheOtherHoldsItsLock() {
        List<Issue> overdue = overdueIssues(5, clock.instant().minus(Duration.ofDays(2)));
        LockProvider secondsLocks = second.getBean(LockProvider.class);
        SimpleLock held = secondsLocks.lock(new LockConfiguration(clock.instant(), "issue.deadline-sweep",
                Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();

        sweeper.sweep();
        assertThat(issues.findAllById(ids(overdue))).allSatisfy(issue -> assertThat(escalations(issue)).isZero());

        held.unlock();
        sweeper.sweep();
        assertThat(issues.findAllById(ids(overdue))).allSatisfy(issue -> assertThat(escalations(issue)).isPositive());
    }

    @Test
    void eachInstancesPlaceIndexFollowsCopiesWrittenByEitherInstancesConsumer() throws Exception {
        Places secondsPlaces = second.getBean(Places.class);
        Seeds.replay(kafka, mongo);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Stream.of(places, secondsPlaces).map(instance -> routeOf(instance, Seeds.LAT, Seeds.LNG)))
                .as("both indexes built").allSatisfy(route -> assertThat(route.gridId()).isEqualTo(Seeds.GRID)));
        assertThat(Stream.of(places, secondsPlaces).map(instance -> routeOf(instance, WIDENED_LAT, WIDENED_LNG)))
                .as("east of the grid before its boundary moves")
                .noneMatch(route -> Seeds.GRID.equals(route.gridId()));

        JsonNode widened = PublishedEvents.example("grid-events", "GridBoundaryChanged");
        kafka.send(Topics.GRID_EVENTS, widened.get("aggregateId").asString(), widened.toString()).get();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Stream.of(places, secondsPlaces).map(instance -> routeOf(instance, WIDENED_LAT, WIDENED_LNG)))
                .as("one instance's consumer wrote the copy; both indexes follow")
                .allSatisfy(route -> {
                    assertThat(route.gridId()).isEqualTo(Seeds.GRID);
                    assertThat(route.source()).isEqualTo(Route.Source.LOCAL_COPY);
                }));
    }

    @Test
    void aReportThroughOneInstanceIsSuggestedAsTheDuplicateOfANearbyOneThroughTheOther() throws InterruptedException {
        Issue throughFirst = intake.submitFromIntegration(reportAt(36.251, 113.451));
        Thread.sleep(RecentReports.CATCH_UP_EVERY.plusMillis(200).toMillis());

        Issue throughSecond = second.getBean(IssueIntake.class).submitFromIntegration(reportAt(36.2511, 113.451));

        assertThat(throughSecond.suggestedDuplicateOf()).isEqualTo(throughFirst.id());
    }

    private static Report reportAt(double lat, double lng) {
        return new Report(Category.ENVIRONMENT, null, Channel.APP, "垃圾堆在路边", lat, lng, null, null, false,
                "resident-1", "张三", "13812345678", null, List.of(), null);
    }

    private static Route routeOf(Places instance, double lat, double lng) {
        return instance.locate(lat, lng, null, null);
    }


    private List<Issue> overdueIssues(int count, Instant reportedAt) {
        List<Issue> saved = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            saved.add(issues.save(Issues.reportedAt(Category.PROPERTY_REPAIR, 36.2, 113.4, reportedAt)));
        }
        return saved;
    }

    private Issue oneSweepOf(Issue stored, Instant now) {
        Issue copy = issues.findById(stored.id()).orElseThrow();
        assertThat(copy.applyClocks(policy, now)).isTrue();
        return copy;
    }

    private static void sweepAfter(CountDownLatch start, IssueConfiguration.DeadlineSweeper instance) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        instance.sweep();
    }

    private static long escalations(Issue issue) {
        return issue.history().stream().filter(step -> "ESCALATED".equals(step.action())).count();
    }

    private static List<String> ids(List<Issue> issues) {
        return issues.stream().map(Issue::id).toList();
    }
}
