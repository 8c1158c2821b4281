package org.linli.org.identity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * At start, publishes {@code AccountOpened} for each account stored before the event existed (no {@code announced}
 * flag), so points-service learns every real account, old ones included. Each such account is saved once with the
 * event in its outbox; a concurrent change (another instance announcing it, a sign-in) wins and the next start
 * tries again. After the first start there is nothing left to find.
 */
@Component
@Order(1)
class AccountAnnouncements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountAnnouncements.class);

    private final MongoOperations mongo;
    private final AccountRepository accounts;
    private final Clock clock;

    AccountAnnouncements(MongoOperations mongo, AccountRepository accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int announced = 0;
        for (Account account : mongo.find(Query.query(Criteria.where("announced").ne(true)), Account.class)) {
            try {
                account.announce(clock.instant());
                accounts.save(account);
                announced++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("account {} changed while being announced; the next start announces it", account.id());
            }
        }
        if (announced > 0) {
            log.info("published AccountOpened for {} account(s) stored before the event existed", announced);
        }
    }
}
