package org.linli.property.supervision;

import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.linli.events.Topics;
import org.linli.events.property.PropertySupervisorAppointed;
import org.linli.events.property.PropertySupervisorDismissed;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.linli.property.focus.FocusEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Resident property supervisors (物业监督员): the community (admins covering the compound, not departments) appoints
 * and dismisses them; an appointed supervisor, acting with their own RESIDENT account, files supervision records on
 * the rectification of the compound's focus-list entry, kept in the entry's current stay (one single-document write
 * guarded by its version, so a record and an acceptance cannot pass each other).
 */
@Service
class Supervision {

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final PropertySettings settings;
    private final Clock clock;

    Supervision(MongoOperations mongo, Compounds compounds, PropertySettings settings, Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.settings = settings;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = PropertySupervisorAppointed.class, description = "a resident was appointed property supervisor"))
    Supervisor appoint(Caller caller, String compoundId, String accountId, String name) {
        Compound compound = community(caller, compoundId);
        Supervisor existing = mongo.findById(Supervisor.idOf(compound.id(), accountId), Supervisor.class);
        if (existing != null) {
            existing.reappoint(name, today(), caller.accountId(), clock.instant());
            return mongo.save(existing);
        }
        return mongo.insert(Supervisor.appoint(compound.id(), compound.communityPath(), accountId, name, today(),
                caller.accountId(), clock.instant()));
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = PropertySupervisorDismissed.class, description = "a property supervisor was dismissed"))
    Supervisor dismiss(Caller caller, String compoundId, String accountId) {
        Compound compound = community(caller, compoundId);
        Supervisor supervisor = mongo.findById(Supervisor.idOf(compound.id(), accountId), Supervisor.class);
        if (supervisor == null) {
            throw new NotFoundException("supervisor", accountId);
        }
        supervisor.dismiss(today(), caller.accountId(), clock.instant());
        return mongo.save(supervisor);
    }

    /** The compound's supervisors, appointed ones first (dismissed ones too, with the day). */
    List<Supervisor> of(Caller caller, String compoundId) {
        Compound compound = compounds.visible(caller, compoundId);
        return mongo.find(Query.query(Criteria.where("compoundId").is(compound.id()))
                .with(Sort.by("dismissedOn", "appointedOn")), Supervisor.class);
    }

    /** A supervisor of the compound (403 for anyone else) files a record on its current rectification. */
    FocusEntry file(Caller caller, String compoundId, String note, Integer planItem, boolean signOff) {
        Compound compound = compounds.require(compoundId);
        Supervisor supervisor = mongo.findById(Supervisor.idOf(compound.id(), caller.accountId()), Supervisor.class);
        if (supervisor == null || !supervisor.active()) {
            throw new AccessDeniedException("the caller is no property supervisor of compound " + compoundId);
        }
        FocusEntry entry = mongo.findById(compound.id(), FocusEntry.class);
        if (entry == null) {
            throw new BusinessRuleViolation("not-on-focus-list", "the compound is not on the focus list");
        }
        entry.supervise(supervisor.accountId(), supervisor.name(), note == null ? null : note.strip(), planItem, signOff,
                clock.instant());
        return mongo.save(entry);
    }

    /** The compound, when the caller (an admin: the controller admits no department) covers it. */
    private Compound community(Caller caller, String compoundId) {
        return compounds.administered(caller, compoundId);
    }

    private LocalDate today() {
        return settings.today(clock);
    }
}
