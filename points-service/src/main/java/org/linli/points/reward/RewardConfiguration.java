package org.linli.points.reward;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.linli.points.ledger.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
class RewardConfiguration {

    @Bean
    Rewards rewards(MongoOperations mongo) {
        return new Rewards(mongo);
    }

    @Bean
    Redemptions redemptions(MongoOperations mongo, Ledger ledger, Rewards rewards, Clock clock,
                            @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        return new Redemptions(mongo, ledger, rewards, clock, zone);
    }

    /** Finishes or undoes redemptions a crash left behind ({@code linli.points.redemptions.sweep-*}). */
    @Component
    static class RedemptionSweeper {

        private final Redemptions redemptions;
        private final Duration grace;

        RedemptionSweeper(Redemptions redemptions,
                          @Value("${linli.points.redemptions.sweep-grace:2m}") Duration grace) {
            this.redemptions = redemptions;
            this.grace = grace;
        }

        @SchedulerLock(name = "points.redemption-sweep")
        @Scheduled(fixedDelayString = "${linli.points.redemptions.sweep-interval:30s}")
        void sweep() {
            redemptions.sweep(grace);
        }
    }
}
