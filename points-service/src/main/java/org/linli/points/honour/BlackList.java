package org.linli.points.honour;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.points.ledger.AccountSummary;
import org.linli.points.ledger.Accounts;
import org.linli.points.ledger.LedgerEntry.Context;
import org.linli.points.copies.OrgUnitCopies;
import org.linli.points.copies.OrgUnitCopies.Community;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The black list (黑榜): entries by community admins; while one is active its person earns no points. An admin lists
 * only an account points-service has seen ({@link #known}), never an id typed in by mistake (422 {@code unknown-account}).
 */
@Component
public class BlackList {

    /** The activities' collection, named rather than imported: the activity feature depends on this one. */
    private static final String ACTIVITIES = "activities";

    private final MongoOperations mongo;
    private final OrgUnitCopies orgUnits;
    private final Accounts accounts;
    private final Clock clock;

    BlackList(MongoOperations mongo, OrgUnitCopies orgUnits, Accounts accounts, Clock clock) {
        this.mongo = mongo;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The entry blocking the person from earning at {@code now}, if any. */
    public Optional<BlackListEntry> activeFor(String accountId, Instant now) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("liftedAt").is(null)
                        .and("until").gt(now)), BlackListEntry.class).stream()
                .filter(entry -> entry.activeAt(now)).findFirst();
    }

    BlackListEntry list(Caller caller, String accountId, String communityUnitId, String reason, List<String> evidence,
                        Instant from, Instant until) {
        Community community = orgUnits.community(communityUnitId);
        requireCovers(caller, community.path());
        if (!known(accountId)) {
            throw new BusinessRuleViolation("unknown-account", "points-service has never seen account " + accountId
                    + ": not opened by org-service, never earned, redeemed nor took part in an activity", accountId);
        }
        Instant start = from == null ? clock.instant() : from;
        BlackListEntry entry = BlackListEntry.list(accountId, reason, evidence, start, until, community.id(),
                community.path(), caller.accountId());
        accounts.noteHolder(accountId, null, new Context(community.id(), community.path(), null));
        return mongo.insert(entry);
    }

    /**
     * Whether points-service has seen the account: it has a summary (org-service's {@code AccountOpened}, or its holder
     * earned, redeemed, was corrected or listed) or took part in an activity (signed up, enrolled). Both are lookups by
     * an index ({@code _id}; {@code participants_account}).
     */
    boolean known(String accountId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(accountId)), AccountSummary.class)
                || mongo.exists(Query.query(Criteria.where("participants.accountId").is(accountId)), ACTIVITIES);
    }

    /**
     * An entry made by a rule over recorded behaviour, for the community where the behaviour was recorded; none when
     * the person is listed already. The rule's unique key decides between listings made at once (two activities
     * confirmed together): one is stored, the others find it. An expired entry of the rule still holding the key
     * gives it up first.
     */
    public Optional<BlackListEntry> listByRule(String rule, String accountId, String communityUnitId,
                                               String communityPath, String reason, List<String> evidence,
                                               Duration listing) {
        Instant now = clock.instant();
        if (activeFor(accountId, now).isPresent()) {
            return Optional.empty();
        }
        accounts.noteHolder(accountId, null, new Context(communityUnitId, communityPath, null));
        BlackListEntry entry = BlackListEntry.listByRule(rule, accountId, reason, evidence, now, now.plus(listing),
                communityUnitId, communityPath);
        try {
            return Optional.of(mongo.insert(entry));
        } catch (DuplicateKeyException keyHeld) {
            if (!releaseExpiredKey(entry.ruleKey(), now)) {
                return Optional.empty(); // listed by a concurrent listing, or an entry in force
            }
        }
        try {
            return Optional.of(mongo.insert(entry));
        } catch (DuplicateKeyException listedConcurrently) {
            return Optional.empty();
        }
    }

    /** Takes the key from the rule's entry that holds it if that entry has expired (a new version of it). */
    private boolean releaseExpiredKey(String ruleKey, Instant now) {
        Query expired = Query.query(Criteria.where("ruleKey").is(ruleKey).and("until").lte(now));
        return mongo.updateFirst(expired, new Update().unset("ruleKey").inc("version", 1), BlackListEntry.class)
                .getModifiedCount() > 0;
    }

    /** The caller's own entries, newest first. */
    List<BlackListEntry> mine(Caller caller) {
        return mongo.find(Query.query(Criteria.where("accountId").is(caller.accountId()))
                .with(Sort.by(Sort.Direction.DESC, "from")), BlackListEntry.class);
    }

    /** The listed person appeals their own entry (403 for anyone else's). */
    BlackListEntry appeal(Caller caller, String id, String reason) {
        BlackListEntry entry = Optional.ofNullable(mongo.findById(id, BlackListEntry.class))
                .orElseThrow(() -> new NotFoundException("black-list-entry", id));
        if (!entry.accountId().equals(caller.accountId())) {
            throw new AccessDeniedException("only the listed person appeals an entry");
        }
        entry.appeal(reason, clock.instant());
        return mongo.save(entry);
    }

    BlackListEntry decideAppeal(Caller caller, String id, boolean grant, String note, long version) {
        BlackListEntry entry = current(visible(caller, id), version);
        entry.decideAppeal(grant, note, caller.accountId(), clock.instant());
        return mongo.save(entry);
    }

    BlackListEntry lift(Caller caller, String id, long version) {
        BlackListEntry entry = current(visible(caller, id), version);
        entry.lift(caller.accountId(), clock.instant());
        return mongo.save(entry);
    }

    private static BlackListEntry current(BlackListEntry entry, long version) {
        if (!entry.version().equals(version)) {
            throw new OptimisticLockingFailureException("black-list entry " + entry.id() + " is at version "
                    + entry.version());
        }
        return entry;
    }

    BlackListEntry visible(Caller caller, String id) {
        BlackListEntry entry = Optional.ofNullable(mongo.findById(id, BlackListEntry.class))
                .orElseThrow(() -> new NotFoundException("black-list-entry", id));
        requireCovers(caller, entry.communityPath());
        return entry;
    }

    Page<BlackListEntry> page(Caller caller, String communityUnitId, Boolean active, BlackListEntry.AppealState appeal,
                              Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (communityUnitId != null) {
            requireCovers(caller, orgUnits.community(communityUnitId).path());
            filters.add(Criteria.where("communityUnitId").is(communityUnitId));
        }
        if (!caller.isCountyWide()) {
            filters.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        Instant now = clock.instant();
        if (appeal != null) {
            filters.add(Criteria.where("appealState").is(appeal));
        }
        if (Boolean.TRUE.equals(active)) {
            filters.add(Criteria.where("liftedAt").is(null).and("until").gt(now).and("from").lte(now));
        }
        Criteria criteria = MongoPages.allOf(filters);
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, BlackListEntry.class);
    }

    private static void requireCovers(Caller caller, String path) {
        if (!caller.covers(path)) {
            throw new AccessDeniedException("outside the caller's scope");
        }
    }

}
