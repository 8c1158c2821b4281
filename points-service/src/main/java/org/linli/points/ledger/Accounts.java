package org.linli.points.ledger;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.points.ledger.LedgerEntry.Context;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read an account, and the reads: a person reads their own; an admin reads the accounts held
 * in communities under their unit (the community is the one where the holder first earned points or
 * first acted); only a county-wide admin reads an account with no community yet.
 *
 * <p>An account exists here once it has a summary: org-service announced it ({@code AccountOpened}), or its
 * holder earned or acted. An admin naming any other id gets 404 {@code not-found}, never a balance of 0 nor a
 * correction to an account no one holds; anyone else gets 403 for every account but their own (whose token
 * proves it exists), so existence does not leak.
 */
@Component
public class Accounts {

    static final Set<String> ADMINS = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);

    private final MongoOperations mongo;
    private final Ledger ledger;

    Accounts(MongoOperations mongo, Ledger ledger) {
        this.mongo = mongo;
        this.ledger = ledger;
    }

    /**
     * Notes who holds an account: the latest display name, and the community, set once (the first
     * place the holder earned or acted keeps scoping it).
     */
    public void noteHolder(String accountId, String holderName, Context context) {
        Query byId = Query.query(Criteria.where("_id").is(accountId));
        Update update = new Update().setOnInsert("lastSequence", 0L).setOnInsert("balance", 0L)
                .setOnInsert("earnedThatDay", 0L);
        if (holderName != null) {
            update.set("holderName", holderName);
        }
        upsertQuietly(byId, update);
        if (context != null && context.communityPath() != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("communityPath").is(null)),
                    new Update().set("communityUnitId", context.communityUnitId())
                            .set("communityPath", context.communityPath()), AccountSummary.class);
        }
    }

    private void upsertQuietly(Query query, Update update) {
        try {
            mongo.upsert(query, update, AccountSummary.class);
        } catch (org.springframework.dao.DuplicateKeyException concurrentFirstWrite) {
            mongo.updateFirst(query, update, AccountSummary.class);
        }
    }

    /** The account as the caller may see it (403 outside their scope). */
    public AccountView view(Caller caller, String accountId) {
        AccountSummary summary = mongo.findById(accountId, AccountSummary.class);
        requireReadable(caller, accountId, summary);
        LedgerEntry.Head head = ledger.head(accountId);
        return new AccountView(accountId, head.balance(), head.sequence(),
                summary == null ? null : summary.holderName(), summary == null ? null : summary.communityUnitId());
    }

    /** Whether the caller may read this account: its holder, or an admin whose scope covers the holder's community. */
    public boolean readable(Caller caller, String accountId) {
        return caller.accountId().equals(accountId)
                || readableByAdmin(caller, mongo.findById(accountId, AccountSummary.class));
    }

    void requireReadable(Caller caller, String accountId, AccountSummary summary) {
        if (caller.accountId().equals(accountId)) {
            return;
        }
        if (isAdmin(caller) && summary == null) {
            throw new NotFoundException("account", accountId);
        }
        if (!readableByAdmin(caller, summary)) {
            throw new AccessDeniedException("account " + accountId + " is outside the caller's scope");
        }
    }

    private static boolean isAdmin(Caller caller) {
        return ADMINS.stream().anyMatch(caller::hasRole);
    }

    private static boolean readableByAdmin(Caller caller, AccountSummary summary) {
        if (!isAdmin(caller) || summary == null) {
            return false;
        }
        if (caller.isCountyWide()) {
            return true;
        }
        return summary.communityPath() != null && caller.covers(summary.communityPath());
    }

    /**
     * The account's entries, newest first. Entries are numbered 1, 2, 3… without gaps, so the head's sequence is
     * their count and a page is a run of sequences read by {@code _id}: the same few lookups for an account of ten
     * entries or of a county's two hundred thousand (counting them made a popular account's first page slower with
     * every credit, 72 pages a second in the scale benchmark).
     */
    Page<LedgerEntry> entries(Caller caller, String accountId, Pageable pageable) {
        requireReadable(caller, accountId, mongo.findById(accountId, AccountSummary.class));
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "sequence"));
        long total = ledger.head(accountId).sequence();
        long newest = total - sorted.getOffset();
        long oldest = Math.max(1, newest - sorted.getPageSize() + 1);
        List<String> ids = LongStream.rangeClosed(oldest, newest).mapToObj(sequence -> LedgerEntry.id(accountId, sequence))
                .toList();
        List<LedgerEntry> content = ids.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)).with(sorted.getSort()), LedgerEntry.class);
        return new PageImpl<>(content, sorted, total);
    }

    /** A monthly statement: opening balance, the month's entries in order, credits, debits and closing balance. */
    Statement statement(Caller caller, String accountId, YearMonth month) {
        requireReadable(caller, accountId, mongo.findById(accountId, AccountSummary.class));
        List<LedgerEntry> lines = mongo.find(Query.query(Criteria.where("accountId").is(accountId)
                .and("month").is(month.toString())).with(Sort.by("sequence")), LedgerEntry.class);
        long opening;
        if (!lines.isEmpty()) {
            opening = lines.get(0).balanceAfter() - lines.get(0).amount();
        } else {
            LedgerEntry before = mongo.findOne(Query.query(Criteria.where("accountId").is(accountId)
                    .and("month").lt(month.toString())).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1),
                    LedgerEntry.class);
            opening = before == null ? 0 : before.balanceAfter();
        }
        long credits = lines.stream().filter(entry -> entry.amount() > 0).mapToLong(LedgerEntry::amount).sum();
        long debits = -lines.stream().filter(entry -> entry.amount() < 0).mapToLong(LedgerEntry::amount).sum();
        return new Statement(accountId, month.toString(), opening, credits, debits, opening + credits - debits, lines);
    }

    /** The holder's own account, for their personal-data download: the summary, if any, and every entry, oldest first. */
    OwnAccount own(String accountId) {
        AccountSummary summary = mongo.findById(accountId, AccountSummary.class);
        return new OwnAccount(summary, mongo.find(Query.query(Criteria.where("accountId").is(accountId))
                .with(Sort.by("sequence")), LedgerEntry.class));
    }

    /** A correction by an admin: a new entry (never an edit), credit or debit, once per reference. */
    Posting correct(Caller caller, String accountId, long amount, String reference, String note) {
        requireReadable(caller, accountId, mongo.findById(accountId, AccountSummary.class));
        String ref = "correction:" + reference;
        String by = note == null ? "by " + caller.accountId() : note + " (by " + caller.accountId() + ")";
        Posting posting = amount > 0
                ? ledger.credit(accountId, amount, Reason.CORRECTION, ref, Context.NONE, null, by)
                : ledger.debit(accountId, -amount, Reason.CORRECTION, ref, Context.NONE, by);
        noteHolder(accountId, null, null);
        return posting;
    }

    /** An account as a reader sees it. */
    public record AccountView(String accountId, long balance, long entries, String holderName, String communityUnitId) {
    }

    /** An account as its holder's download has it; {@code summary} is {@code null} when there never was one. */
    record OwnAccount(AccountSummary summary, List<LedgerEntry> entries) {
    }

    /** A month of an account's ledger. */
    record Statement(String accountId, String month, long openingBalance, long credits, long debits,
                     long closingBalance, List<LedgerEntry> entries) {
    }
}
