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
 * tries again. A pass that announced every account leaves a marker in {@code migrations}, so later starts do not
 * read the accounts collection again (a {@code $ne} query reads all of it): new accounts announce themselves.
 */
@Component
@Order(1)
class AccountAnnouncements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountAnnouncements.class);
    private static final String MIGRATIONS = "migrations";
    private static final String DONE = "account-opened-announced";

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
        if (mongo.exists(Query.query(Criteria.where("_id").is(DONE)), MIGRATIONS)) {
            return;
        }
        int announced = 0;
        boolean missed = false;
        for (Account account : mongo.find(Query.query(Criteria.where("announced").ne(true)), Account.class)) {
            try {
                account.announce(clock.instant());
                accounts.save(account);
                announced++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("account {} changed while being announced; the next start announces it", account.id());
                missed = true;
            }
        }
        if (!missed) {
            mongo.save(new org.bson.Document("_id", DONE).append("at", clock.instant()), MIGRATIONS);
        }
        if (announced > 0) {
            log.info("published AccountOpened for {} account(s) stored before the event existed", announced);
        }
    }
}
