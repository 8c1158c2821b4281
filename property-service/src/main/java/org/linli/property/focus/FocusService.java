package org.linli.property.focus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.property.FocusListEntered;
import org.linli.events.property.FocusListLeft;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Counts complaints per compound in the rolling window (the last {@code windowDays} county days, today included)
 * and puts a compound on the focus list when they pass the threshold; then its plan, the plan's progress and the
 * third-party acceptance that takes it off. The complaints are the count: one document per complaint (an issue's
 * by the issue id, so a redelivered IssueReported stores it once), counted through the
 * {@code compoundId, receivedAt} index, and only up to the threshold on the way in; a compound on the list is not
 * counted at all per complaint.
 */
@Service
class FocusService {

    private static final int ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final PropertySettings settings;
    private final Clock clock;

    FocusService(MongoOperations mongo, Compounds compounds, PropertySettings settings, Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A resident's issue about a compound (from IssueReported); stored once per issue id. A compound on the focus
     * list already is neither read nor counted (one existence check by id).
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = FocusListEntered.class,
            description = "complaints past the threshold put a compound on the focus list"))
    void issueReported(String issueId, String compoundId, String category, Instant reportedAt) {
        mongo.save(new Complaint(issueId, compoundId, reportedAt, "ISSUE", category));
        if (mongo.exists(Query.query(Criteria.where("_id").is(compoundId).and("onList").is(true)), FocusEntry.class)) {
            return;
        }
        Compound compound = mongo.findById(compoundId, Compound.class);
        if (compound != null) {
            check(compound);
        }
    }

    /**
     * An admin registers a complaint from another channel (e.g. the 12345 hotline), received now or, from a
     * county-wide account, at {@code receivedAt} (bounded at the edge; a time after now counts as now): it counts
     * on that day of the window.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = FocusListEntered.class,
            description = "a complaint entered by hand put a compound on the focus list"))
    FocusState register(Caller caller, String compoundId, String channel, String category, Instant receivedAt) {
        Compound compound = compounds.administered(caller, compoundId);
        if (receivedAt != null && !caller.isCountyWide()) {
            throw new AccessDeniedException("only county-wide accounts give a complaint its original time");
        }
        Instant now = clock.instant();
        Instant received = receivedAt == null || receivedAt.isAfter(now) ? now : receivedAt;
        Complaint complaint = mongo.insert(new Complaint(UUID.randomUUID().toString(), compound.id(), received,
                channel, category));
        FocusEntry entry = check(compound);
        return new FocusState(compound.id(), complaintsInWindow(compound.id()), settings.focus().windowDays(),
                settings.focus().threshold(), entry != null && entry.onList());
    }

    /** Enters the compound when its complaints in the window pass the threshold; retried on a concurrent change. */
    private FocusEntry check(Compound compound) {
        for (int attempt = 1; ; attempt++) {
            try {
                FocusEntry entry = mongo.findById(compound.id(), FocusEntry.class);
                if (entry != null && entry.onList()) {
                    return entry;
                }
                if (!pastThreshold(compound.id())) {
                    return entry;
                }
                int complaints = complaintsInWindow(compound.id());
                if (entry == null) {
                    entry = new FocusEntry(compound.id(), compound.name(), compound.communityPath());
                }
                entry.enterIfPast(complaints, settings.focus().windowDays(), settings.focus().threshold(), clock.instant());
                return mongo.save(entry);
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    /** A compound's complaints in the rolling window, newest first (at most {@code limit}), against the threshold. */
    Complaints complaints(Caller caller, String compoundId, int limit) {
        Compound compound = compounds.visible(caller, compoundId);
        int count = complaintsInWindow(compound.id());
        List<Complaint> newest = mongo.find(inWindow(compound.id()).with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(limit), Complaint.class);
        FocusEntry entry = mongo.findById(compound.id(), FocusEntry.class);
        return new Complaints(compound.id(), count, settings.focus().windowDays(), settings.focus().threshold(),
                entry != null && entry.onList(), newest);
    }

    /** Complaints on the last {@code windowDays} county days, today included. */
    int complaintsInWindow(String compoundId) {
        return (int) mongo.count(inWindow(compoundId), Complaint.class);
    }

    /** Whether the window holds more complaints than the threshold: reads at most threshold + 1 of them. */
    private boolean pastThreshold(String compoundId) {
        Query firstOnes = inWindow(compoundId).limit(settings.focus().threshold() + 1);
        firstOnes.fields().include("_id");
        return mongo.find(firstOnes, Complaint.class).size() > settings.focus().threshold();
    }

    private Query inWindow(String compoundId) {
        return Query.query(Criteria.where("compoundId").is(compoundId).and("receivedAt").gte(windowStart()));
    }

    private Instant windowStart() {
        return firstDay(today(), settings.focus().windowDays()).atStartOfDay(settings.zone()).toInstant();
    }

    static LocalDate firstDay(LocalDate today, int windowDays) {
        return today.minusDays(windowDays - 1L);
    }

    FocusEntry plan(Caller caller, String compoundId, List<FocusEntry.PlanItem> items) {
        FocusEntry entry = actedOnBy(caller, compoundId);
        entry.plan(items, today());
        return mongo.save(entry);
    }

    FocusEntry complete(Caller caller, String compoundId, int index) {
        FocusEntry entry = actedOnBy(caller, compoundId);
        entry.complete(index, today());
        return mongo.save(entry);
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = FocusListLeft.class,
            description = "a passed acceptance took the compound off the focus list"))
    FocusEntry accept(Caller caller, String compoundId, LocalDate acceptedOn, String acceptor, boolean passed,
                      String reportRef) {
        compounds.administered(caller, compoundId);
        FocusEntry entry = find(compoundId);
        entry.accept(acceptedOn, acceptor, passed, reportRef, today(), clock.instant());
        return mongo.save(entry);
    }

    FocusEntry get(Caller caller, String compoundId) {
        compounds.visible(caller, compoundId);
        return find(compoundId);
    }

    /** Compounds on the focus list in the caller's scope; PROPERTY_STAFF those their company serves. */
    Page<FocusEntry> list(Caller caller, Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("onList").is(true));
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            List<FocusEntry> served = mongo.find(Query.query(filters.get(0)), FocusEntry.class).stream()
                    .filter(entry -> compounds.sees(caller, compounds.require(entry.compoundId()))).toList();
            return MongoPages.page(served, pageable);
        }
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        Query query = Query.query(new Criteria().andOperator(filters)).with(pageable);
        return MongoPages.page(mongo, query, pageable, FocusEntry.class);
    }

    private FocusEntry actedOnBy(Caller caller, String compoundId) {
        Compound compound = compounds.require(compoundId);
        boolean admin = !caller.hasRole(Roles.PROPERTY_STAFF) && caller.covers(compound.communityPath());
        if (!admin && !(caller.hasRole(Roles.PROPERTY_STAFF) && compounds.sees(caller, compound))) {
            throw new AccessDeniedException("compound " + compoundId + " is outside the caller's scope");
        }
        return find(compoundId);
    }

    private FocusEntry find(String compoundId) {
        FocusEntry entry = mongo.findById(compoundId, FocusEntry.class);
        if (entry == null) {
            throw new NotFoundException("focus-entry", compoundId);
        }
        return entry;
    }

    private LocalDate today() {
        return settings.today(clock);
    }

    /** The complaints in the window themselves (an issue's complaint has the issue's id), newest first. */
    record Complaints(String compoundId, int complaintsInWindow, int windowDays, int threshold, boolean onFocusList,
                      List<Complaint> complaints) {
    }

    /** A compound's complaints in the window against the threshold, and whether it is on the list. */
    record FocusState(String compoundId, int complaintsInWindow, int windowDays, int threshold, boolean onFocusList) {
    }
}
