package org.linli.points.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.points.Communities;
import org.linli.points.SecondInstance;
import org.linli.points.activity.Activity.Plan;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.scoring.ActivityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two instances of points-service on one store and one consumer group (issue #18): confirmed activities whose
 * credits a crash interrupted are settled with one credit per attendee and activity however the two instances'
 * settlement sweeps meet, whether the scheduler lock keeps one of them out or a lock outlived by a stalled holder
 * lets both run.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=two-instances-it-${random.uuid}",
        "linli.points.activities.settle-interval=1h", "linli.points.redemptions.sweep-interval=1h"})
@EmbeddedInfrastructure
class TwoInstancesIT {

    private static final int ACTIVITIES = 60;
    private static final int ATTENDEES = 5;
    /** One point an activity (one hour at one point an hour): 60 credits stay below the default daily cap of 100. */
    private static final int POINTS_PER_HOUR = 1;
    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Ledger ledger;
    @Autowired
    ActivitySweeper sweeper;
    @Autowired
    ActivityService activities;
    @Autowired
    Clock clock;

    private String community;
    private String path;

    @BeforeEach
    void aSecondInstanceOnTheSameStoreAndGroup() {
        if (second == null) {
            second = SecondInstance.beside(environment);
        }
        community = "community-" + UUID.randomUUID();
        path = Communities.community(mongo, community);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachAttendeeIsCreditedOncePerActivityWhenBothInstancesSweepAtOnce() throws Exception {
        List<String> volunteers = volunteers();
        List<Activity> confirmed = confirmedUnsettled(volunteers);

        SecondInstance.atOnce(sweeper::settle, second.getBean(ActivitySweeper.class)::settle);

        assertSettledWithOneCreditEach(confirmed, volunteers);
    }

    @Test
    void eachAttendeeIsCreditedOncePerActivityEvenWhenBothInstancesSettleWithoutTheLock() throws Exception {
        List<String> volunteers = volunteers();
        List<Activity> confirmed = confirmedUnsettled(volunteers);

        SecondInstance.atOnce(activities::settleInterrupted, second.getBean(ActivityService.class)::settleInterrupted);

        assertSettledWithOneCreditEach(confirmed, volunteers);
    }

    @Test
    void theSettlementSweepDoesNothingOnOneInstanceWhileTheOtherHoldsItsLock() {
        List<String> volunteers = volunteers();
        List<Activity> confirmed = confirmedUnsettled(volunteers);
        SimpleLock held = second.getBean(LockProvider.class).lock(new LockConfiguration(clock.instant(),
                "points.activity-settlement", Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();

        sweeper.settle();
        assertThat(volunteers).allSatisfy(volunteer -> assertThat(entriesOf(volunteer)).isEmpty());

        held.unlock();
        sweeper.settle();
        assertSettledWithOneCreditEach(confirmed, volunteers);
    }

    private void assertSettledWithOneCreditEach(List<Activity> confirmed, List<String> volunteers) {
        List<String> ids = confirmed.stream().map(Activity::id).toList();
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Activity.class))
                .hasSize(ACTIVITIES).allSatisfy(activity -> assertThat(activity.settled()).isTrue());
        for (String volunteer : volunteers) {
            List<String> references = entriesOf(volunteer).stream().map(LedgerEntry::reference).toList();
            assertThat(references).as("credits of %s", volunteer).hasSize(ACTIVITIES)
                    .containsExactlyInAnyOrderElementsOf(ids.stream()
                            .map(id -> ActivityService.reference(id, volunteer)).toList());
            assertThat(ledger.balance(volunteer)).isEqualTo((long) ACTIVITIES * POINTS_PER_HOUR);
        }
    }

    private static List<String> volunteers() {
        return IntStream.range(0, ATTENDEES).mapToObj(i -> "volunteer-" + UUID.randomUUID()).toList();
    }

    /** Activities every volunteer attended for an hour, confirmed, their credits not yet made (as after a crash). */
    private List<Activity> confirmedUnsettled(List<String> volunteers) {
        Instant now = clock.instant();
        Instant startsAt = now.minus(Duration.ofHours(3));
        Instant endsAt = startsAt.plus(Duration.ofHours(1));
        List<Activity> confirmed = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            Activity activity = Activity.launch(new Plan("清理楼道杂物 " + i, ActivityType.CLEAN_UP, "3号楼", null,
                    startsAt, endsAt, ATTENDEES, POINTS_PER_HOUR, null), community, path, "organiser-1", "123456", now);
            for (String volunteer : volunteers) {
                activity.enrol(volunteer, "name of " + volunteer, now);
                activity.checkIn(volunteer, startsAt);
                activity.checkOut(volunteer, endsAt, true);
            }
            activity.confirm(now);
            confirmed.add(mongo.insert(activity));
        }
        return confirmed;
    }

    private List<LedgerEntry> entriesOf(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), LedgerEntry.class);
    }
}
