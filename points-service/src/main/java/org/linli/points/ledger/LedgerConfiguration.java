package org.linli.points.ledger;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    /** The ledger, dating entries (days and months for caps and lists) in the county's zone. */
    @Bean
    Ledger ledger(MongoOperations mongo, Clock clock, @Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
        return new Ledger(mongo, clock, zone);
    }
}
