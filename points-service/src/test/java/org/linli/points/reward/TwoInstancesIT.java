package org.linli.points.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.points.Communities;
import org.linli.points.SecondInstance;
import org.linli.points.ledger.Ledger;
import org.linli.points.ledger.LedgerEntry;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.ledger.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two instances of points-service on one store (issue #18): cancellations a crash left without their refund are
 * refunded once however the two instances' redemption sweeps meet, even without the scheduler lock between them.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=two-instances-it-${random.uuid}",
        "linli.points.activities.settle-interval=1h", "linli.points.redemptions.sweep-interval=1h"})
@EmbeddedInfrastructure
class TwoInstancesIT {

    private static final int PEOPLE = 40;
    private static final long PRICE = 30;
    private static final long START_BALANCE = 100;
    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Ledger ledger;
    @Autowired
    Redemptions redemptions;
    @Autowired
    Clock clock;

    @BeforeEach
    void aSecondInstanceOnTheSameStoreAndGroup() {
        if (second == null) {
            second = SecondInstance.beside(environment);
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachInterruptedCancellationIsRefundedOnceWhenBothInstancesSweepAtOnceWithoutTheLock() throws Exception {
        String community = "community-" + UUID.randomUUID();
        Reward rice = mongo.insert(Reward.list("大米", null, PRICE, PEOPLE, null, null, null, community,
                Communities.community(mongo, community), clock.instant()));
        List<Redemption> cancelled = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = "resident-" + UUID.randomUUID();
            ledger.credit(person, START_BALANCE, Reason.CORRECTION, "correction:" + person, Context.NONE, null, null);
            Redemption made = redemptions.redeem(person, "居民" + i, rice.id(), 1);
            made.cancel(person, clock.instant()); // the refund not yet made: a crash right after the cancellation
            cancelled.add(mongo.save(made));
        }
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isZero();

        Duration grace = Duration.ofMinutes(2);
        SecondInstance.atOnce(() -> redemptions.sweep(grace), () -> second.getBean(Redemptions.class).sweep(grace));

        assertThat(cancelled).allSatisfy(redemption -> {
            assertThat(redemptions.find(redemption.id()).settled()).isTrue();
            assertThat(mongo.find(Query.query(Criteria.where("accountId").is(redemption.accountId())
                    .and("reason").is(Reason.REFUND)), LedgerEntry.class))
                    .singleElement().satisfies(refund -> {
                        assertThat(refund.reference()).isEqualTo(redemption.refundReference());
                        assertThat(refund.amount()).isEqualTo(PRICE);
                    });
            assertThat(ledger.balance(redemption.accountId())).isEqualTo(START_BALANCE);
        });
        assertThat(mongo.findById(rice.id(), Reward.class).stock()).isEqualTo(PEOPLE);
    }
}
