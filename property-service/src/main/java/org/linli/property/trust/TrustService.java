package org.linli.property.trust;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.property.TrustEntryBooked;
import org.linli.events.property.TrustObjectionRaised;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NewIds;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Trust-based property accounts (信托制物业) of compounds: who may read, book, deliberate and object, and the
 * steps that span documents (a deliberation claimed by exactly one expense; vouchers stored before their line
 * and removed again when the line is refused).
 *
 * <p>Readers: RESIDENT accounts registered in the compound ({@link Residents}); staff who see the compound
 * (admins, DEPARTMENT_STAFF, GRID_WORKER covering it; PROPERTY_STAFF of the company serving it today).
 * Bookers: PROPERTY_STAFF of the serving company (the trustee keeps the books) and admins covering the compound
 * (the community books for a compound without a company, or on the owners' committee's behalf: committees have
 * no accounts). The threshold, deliberation records and resident registrations: admins covering the compound.
 */
@Service
class TrustService {

    private static final Set<String> ADMINS = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN);
    private static final Set<String> STAFF = Set.of(Roles.COUNTY_ADMIN, Roles.STREET_ADMIN, Roles.COMMUNITY_ADMIN,
            Roles.DEPARTMENT_STAFF, Roles.GRID_WORKER, Roles.PROPERTY_STAFF, Roles.INTEGRATION_CLIENT);

    private final TrustLedger ledger;
    private final Compounds compounds;
    private final Residents residents;
    private final VoucherStore vouchers;
    private final MongoOperations mongo;
    private final PropertySettings settings;
    private final Clock clock;
    private final long defaultThresholdFen;

    TrustService(TrustLedger ledger, Compounds compounds, Residents residents, VoucherStore vouchers,
                 MongoOperations mongo, PropertySettings settings, Clock clock,
                 @Value("${linli.property.trust.default-threshold-fen:500000}") long defaultThresholdFen) {
        this.ledger = ledger;
        this.compounds = compounds;
        this.residents = residents;
        this.vouchers = vouchers;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.defaultThresholdFen = defaultThresholdFen;
    }

    // --- reading ---------------------------------------------------------------------------------------------

    Account account(Caller caller, String compoundId) {
        Compound compound = readable(caller, compoundId);
        TrustEntry.Head head = ledger.head(compoundId);
        TrustAccount account = ledger.account(compoundId).orElse(null);
        Threshold threshold = account == null || account.thresholdFen() == null
                ? new Threshold(defaultThresholdFen, true, null, null)
                : new Threshold(account.thresholdFen(), false, account.thresholdBasis(), account.thresholdDecidedOn());
        long openObjections = mongo.count(Query.query(Criteria.where("compoundId").is(compoundId).and("answer").is(null)),
                Objection.class);
        return new Account(compound.id(), compound.name(), head.balanceFen(), head.sequence(),
                head.month() == null ? null : head.month().toString(), threshold, openObjections);
    }

    Page<TrustEntry> entries(Caller caller, String compoundId, YearMonth month, Pageable pageable) {
        readable(caller, compoundId);
        Criteria criteria = Criteria.where("compoundId").is(compoundId);
        if (month != null) {
            criteria = criteria.and("month").is(month.toString());
        }
        return MongoPages.page(mongo, Query.query(criteria).with(Sort.by("sequence")), pageable, TrustEntry.class);
    }

    EntryDetail entry(Caller caller, String compoundId, long sequence) {
        readable(caller, compoundId);
        TrustEntry entry = requireEntry(compoundId, sequence);
        Long reversedBy = ledger.reversalOf(compoundId, sequence).map(TrustEntry::sequence).orElse(null);
        return new EntryDetail(entry, reversedBy, objectionsOf(compoundId, entry.id()));
    }

    VoucherStore.Content voucher(Caller caller, String compoundId, long sequence, String voucherId) {
        readable(caller, compoundId);
        TrustEntry entry = requireEntry(compoundId, sequence);
        if (entry.vouchers().stream().noneMatch(voucher -> voucher.id().equals(voucherId))) {
            throw new NotFoundException("voucher", voucherId);
        }
        return vouchers.load(voucherId).orElseThrow(() -> new NotFoundException("voucher", voucherId));
    }

    Statement statement(Caller caller, String compoundId, YearMonth month) {
        readable(caller, compoundId);
        return ledger.statement(compoundId, month, settings.month(clock));
    }

    // --- booking ---------------------------------------------------------------------------------------------

    /**
     * Books a line with its vouchers. A cited deliberation is claimed for this booking first (one expense per
     * record), the vouchers stored, then the line appended; a refusal on the way undoes the claim and the files.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = TrustEntryBooked.class,
            description = "a line (income, expense or reversal) was appended to a compound's trust account"))
    TrustEntry book(Caller caller, String compoundId, TrustEntry.Booking booking, String deliberationId,
                    List<MultipartFile> files) {
        bookable(caller, compoundId);
        List<VoucherStore.Upload> uploads = vouchers.validate(files);
        Deliberation deliberation = deliberationId == null ? null : citedDeliberation(compoundId, deliberationId);
        long threshold = thresholdOf(compoundId);
        LocalDate today = settings.today(clock);
        Instant now = clock.instant();
        TrustEntry.book(ledger.head(compoundId), booking, threshold, deliberation, "check", caller.accountId(), today,
                now);
        String reference = NewIds.next();
        if (deliberation != null) {
            claim(deliberation, reference);
        }
        List<TrustEntry.Voucher> stored = List.of();
        TrustEntry entry;
        try {
            stored = vouchers.storeVouchers(uploads);
            TrustEntry.Booking withVouchers = new TrustEntry.Booking(booking.kind(), booking.category(),
                    booking.amountFen(), booking.day(), booking.description(), stored);
            entry = ledger.append(compoundId, head -> TrustEntry.book(head, withVouchers, threshold, deliberation,
                    reference, caller.accountId(), today, now));
        } catch (RuntimeException refused) {
            vouchers.deleteVouchers(stored);
            if (deliberation != null) {
                release(deliberation, reference);
            }
            throw refused;
        }
        if (deliberation != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(deliberation.id()).and("expenseReference")
                    .is(reference)), new Update().set("expenseEntryId", entry.id()).inc("version", 1), Deliberation.class);
        }
        return entry;
    }

    TrustEntry reverse(Caller caller, String compoundId, long sequence, String reason) {
        bookable(caller, compoundId);
        TrustEntry original = requireEntry(compoundId, sequence);
        if (ledger.reversalOf(compoundId, sequence).isPresent()) {
            throw new BusinessRuleViolation("already-reversed", "the line has already been reversed", sequence);
        }
        LocalDate today = settings.today(clock);
        Instant now = clock.instant();
        return ledger.append(compoundId, head -> TrustEntry.reverse(head, original, reason, caller.accountId(), today,
                now));
    }

    Account setThreshold(Caller caller, String compoundId, long thresholdFen, String basis, LocalDate decidedOn) {
        administered(caller, compoundId);
        if (thresholdFen <= 0) {
            throw new BusinessRuleViolation("invalid-amount", "an amount is a positive number of fen", thresholdFen);
        }
        if (decidedOn != null && decidedOn.isAfter(settings.today(clock))) {
            throw new BusinessRuleViolation("invalid-step-date", "a decision is not in the future", decidedOn);
        }
        ledger.setThreshold(compoundId, thresholdFen, basis, decidedOn, caller.accountId(), clock.instant());
        return account(caller, compoundId);
    }

    // --- 四议两公开 ------------------------------------------------------------------------------------------

    Deliberation propose(Caller caller, String compoundId, String subject, long amountFen, LocalDate proposedOn,
                         String summary) {
        administered(caller, compoundId);
        return mongo.insert(Deliberation.propose(compoundId, subject, amountFen, proposedOn, summary,
                caller.accountId(), settings.today(clock), clock.instant()));
    }

    Deliberation recordStep(Caller caller, String compoundId, String deliberationId, DeliberationStep step,
                            LocalDate on, String summary, Boolean approved) {
        administered(caller, compoundId);
        Deliberation deliberation = requireDeliberation(compoundId, deliberationId);
        if (deliberation.expenseReference() != null && deliberation.expenseEntryId() == null) {
            // the booking's last write did not happen: its line, found by reference, completes the link
            ledger.byReference(compoundId, deliberation.expenseReference())
                    .ifPresent(entry -> deliberation.referenceExpense(deliberation.expenseReference(), entry.id()));
        }
        deliberation.record(step, on, summary, approved, caller.accountId(), settings.today(clock), clock.instant());
        return mongo.save(deliberation);
    }

    Deliberation deliberation(Caller caller, String compoundId, String deliberationId) {
        readable(caller, compoundId);
        return requireDeliberation(compoundId, deliberationId);
    }

    Page<Deliberation> deliberations(Caller caller, String compoundId, Pageable pageable) {
        readable(caller, compoundId);
        return MongoPages.page(mongo, Query.query(Criteria.where("compoundId").is(compoundId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), pageable, Deliberation.class);
    }

    // --- objections ------------------------------------------------------------------------------------------

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS,
            payloadType = TrustObjectionRaised.class, description = "an owner objected to a line of a trust account"))
    Objection object(Caller caller, String compoundId, long sequence, String text) {
        compounds.require(compoundId);
        if (!residents.livesIn(caller.accountId(), compoundId)) {
            throw new AccessDeniedException("only the compound's registered residents object to its account");
        }
        TrustEntry entry = requireEntry(compoundId, sequence);
        return mongo.insert(Objection.raise(entry, text, caller.accountId(), clock.instant()));
    }

    Objection answer(Caller caller, String compoundId, String objectionId, String text) {
        Compound compound = compounds.require(compoundId);
        String answeredAs = caller.hasRole(Roles.PROPERTY_STAFF) ? "PROPERTY_COMPANY" : "COMMUNITY";
        if (!mayBook(caller, compound)) {
            throw new AccessDeniedException("compound " + compoundId + " is outside the caller's answers");
        }
        Objection objection = mongo.findById(objectionId, Objection.class);
        if (objection == null || !objection.compoundId().equals(compoundId)) {
            throw new NotFoundException("objection", objectionId);
        }
        objection.answer(text, caller.accountId(), answeredAs, clock.instant());
        return mongo.save(objection);
    }

    Page<Objection> objections(Caller caller, String compoundId, Boolean open, Pageable pageable) {
        readable(caller, compoundId);
        Criteria criteria = Criteria.where("compoundId").is(compoundId);
        if (open != null) {
            criteria = open ? criteria.and("answer").is(null) : criteria.and("answer").ne(null);
        }
        return MongoPages.page(mongo, Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt")), pageable,
                Objection.class);
    }

    // --- residents -------------------------------------------------------------------------------------------

    Residents.Resident registerResident(Caller caller, String compoundId, String accountId) {
        administered(caller, compoundId);
        return residents.register(compoundId, accountId, caller.accountId(), clock.instant());
    }

    void removeResident(Caller caller, String compoundId, String accountId) {
        administered(caller, compoundId);
        if (!residents.remove(compoundId, accountId)) {
            throw new NotFoundException("resident", accountId);
        }
    }

    List<Residents.Resident> residents(Caller caller, String compoundId) {
        administered(caller, compoundId);
        return residents.of(compoundId);
    }

    // --- scope -----------------------------------------------------------------------------------------------

    /** Registered residents of the compound, or staff who see it (403 otherwise, 404 unknown compound). */
    private Compound readable(Caller caller, String compoundId) {
        Compound compound = compounds.require(compoundId);
        boolean staff = caller.roles().stream().anyMatch(STAFF::contains);
        if (residents.livesIn(caller.accountId(), compoundId) || (staff && compounds.sees(caller, compound))) {
            return compound;
        }
        throw new AccessDeniedException("the trust account of " + compoundId + " is for its residents and its staff");
    }

    private Compound bookable(Caller caller, String compoundId) {
        Compound compound = compounds.require(compoundId);
        if (!mayBook(caller, compound)) {
            throw new AccessDeniedException("compound " + compoundId + " is outside the caller's bookkeeping");
        }
        return compound;
    }

    /** PROPERTY_STAFF of the company serving the compound today, or an admin covering it. */
    private boolean mayBook(Caller caller, Compound compound) {
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            return compounds.sees(caller, compound);
        }
        return caller.roles().stream().anyMatch(ADMINS::contains) && caller.covers(compound.communityPath());
    }

    private Compound administered(Caller caller, String compoundId) {
        Compound compound = compounds.require(compoundId);
        if (caller.roles().stream().noneMatch(ADMINS::contains) || !caller.covers(compound.communityPath())) {
            throw new AccessDeniedException("compound " + compoundId + " is outside the caller's administration");
        }
        return compound;
    }

    private long thresholdOf(String compoundId) {
        return ledger.account(compoundId).map(TrustAccount::thresholdFen).orElse(defaultThresholdFen);
    }

    private TrustEntry requireEntry(String compoundId, long sequence) {
        return ledger.entry(compoundId, sequence)
                .orElseThrow(() -> new NotFoundException("trust-entry", TrustEntry.id(compoundId, sequence)));
    }

    private Deliberation requireDeliberation(String compoundId, String deliberationId) {
        Deliberation deliberation = mongo.findById(deliberationId, Deliberation.class);
        if (deliberation == null || !deliberation.compoundId().equals(compoundId)) {
            throw new NotFoundException("deliberation", deliberationId);
        }
        return deliberation;
    }

    /** A deliberation cited in a booking: unknown or another compound's is a 422, not a 404 of the path. */
    private Deliberation citedDeliberation(String compoundId, String deliberationId) {
        Deliberation deliberation = mongo.findById(deliberationId, Deliberation.class);
        if (deliberation == null || !deliberation.compoundId().equals(compoundId)) {
            throw new BusinessRuleViolation("unknown-deliberation", "no such deliberation for this compound",
                    deliberationId);
        }
        return deliberation;
    }

    private void claim(Deliberation deliberation, String reference) {
        long claimed = mongo.updateFirst(Query.query(Criteria.where("_id").is(deliberation.id())
                        .and("expenseReference").is(null)),
                new Update().set("expenseReference", reference).inc("version", 1), Deliberation.class)
                .getModifiedCount();
        if (claimed == 0) {
            throw new BusinessRuleViolation("deliberation-used", "another expense already cites this deliberation",
                    deliberation.id(), "—");
        }
    }

    private void release(Deliberation deliberation, String reference) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliberation.id()).and("expenseReference").is(reference)),
                new Update().unset("expenseReference").unset("expenseEntryId").inc("version", 1), Deliberation.class);
    }

    private List<Objection> objectionsOf(String compoundId, String entryId) {
        return mongo.find(Query.query(Criteria.where("compoundId").is(compoundId).and("entryId").is(entryId))
                .with(Sort.by("raisedAt")), Objection.class);
    }

    /**
     * @param thresholdFen an expense above it needs a recorded 四议两公开
     * @param isDefault    the owners have not set one: the county's default applies
     */
    record Threshold(long thresholdFen, boolean isDefault, String basis, LocalDate decidedOn) {
    }

    record Account(String compoundId, String compoundName, long balanceFen, long lines, String lastMonth,
                   Threshold threshold, long openObjections) {
    }

    record EntryDetail(TrustEntry entry, Long reversedBySequence, List<Objection> objections) {
    }
}
