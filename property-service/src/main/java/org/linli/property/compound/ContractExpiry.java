package org.linli.property.compound;

import java.time.Clock;
import java.time.LocalDate;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.linli.events.Topics;
import org.linli.events.property.ContractEnded;
import org.linli.property.PropertySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every night, contracts past their last day are marked EXPIRED and their ContractEnded goes out. Each
 * compound is one versioned write: another instance running the same job at once loses the race and skips,
 * the next night catches up whatever a down time missed.
 */
@Configuration
class ContractExpiry {

    private static final Logger log = LoggerFactory.getLogger(ContractExpiry.class);

    private final MongoOperations mongo;
    private final CompoundRepository compounds;
    private final PropertySettings settings;
    private final Clock clock;

    ContractExpiry(MongoOperations mongo, CompoundRepository compounds, PropertySettings settings, Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.settings = settings;
        this.clock = clock;
    }

    /** Nightly, on one instance (held at least five minutes so that an instance whose clock lags skips it). */
    @SchedulerLock(name = "property.contract-expiry", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${linli.property.contract-expiry-cron:0 10 0 * * *}", zone = "${linli.zone}")
    void expireContractsNightly() {
        expireContracts();
    }

    /** Answers how many contracts expired. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class,
            description = "contracts past their last day expired"))
    int expireContracts() {
        LocalDate today = settings.today(clock);
        Query running = Query.query(Criteria.where("contracts").elemMatch(
                Criteria.where("endedOn").is(null).and("endsOn").lt(today)));
        int expired = 0;
        for (Compound compound : mongo.find(running, Compound.class)) {
            try {
                int now = compound.expireContracts(today, clock.instant());
                if (now > 0) {
                    compounds.save(compound);
                    expired += now;
                }
            } catch (OptimisticLockingFailureException concurrent) {
                log.debug("compound {} changed while its contracts expired; the next run will see it", compound.id());
            }
        }
        if (expired > 0) {
            log.info("{} contract(s) expired", expired);
        }
        return expired;
    }
}
