package org.linli.points.ledger;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    MonthlyEarnings monthlyEarnings(MongoOperations mongo) {
        return new MonthlyEarnings(mongo);
    }

    /** The ledger, dating entries (days and months for caps and lists) in the county's zone. */
    @Bean
    Ledger ledger(MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone,
                  MonthlyEarnings earnings) {
        return new Ledger(mongo, clock, zone, earnings);
    }

    /** Counts the ledger written before the monthly totals existed, once per database. */
    @Bean
    ApplicationRunner monthlyEarningsBackfill(MonthlyEarnings earnings) {
        return args -> earnings.backfillOnce();
    }
}
