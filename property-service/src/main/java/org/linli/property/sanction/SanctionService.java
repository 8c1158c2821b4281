package org.linli.property.sanction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.linli.events.Topics;
import org.linli.events.property.ContractEnded;
import org.linli.events.property.ContractStarted;
import org.linli.events.property.SanctionIssued;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.linli.property.company.Companies;
import org.linli.property.company.PropertyCompany;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.property.assembly.Decisions;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Contract;
import org.linli.property.compound.ContractKind;
import org.linli.property.compound.Compounds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Issues sanctions and evictions, takes appeals and their decisions, and answers the public caution list.
 * A company-wide sanction needs a county-wide account; one about a compound needs an account covering it.
 */
@Service
public class SanctionService {

    private final SanctionRepository sanctions;
    private final Compounds compounds;
    private final Companies companies;
    private final Decisions decisions;
    private final MongoOperations mongo;
    private final PropertySettings settings;
    private final Clock clock;

    SanctionService(SanctionRepository sanctions, Compounds compounds, Companies companies, Decisions decisions,
                    MongoOperations mongo, PropertySettings settings, Clock clock) {
        this.sanctions = sanctions;
        this.compounds = compounds;
        this.companies = companies;
        this.decisions = decisions;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = SanctionIssued.class,
            description = "a sanction was issued to a company"))
    Sanction issue(Caller caller, SanctionKind kind, String companyId, String compoundId, String reason,
                   List<String> evidenceRefs, LocalDate deadline) {
        companies.require(companyId);
        String communityPath = null;
        if (compoundId == null) {
            if (!caller.isCountyWide()) {
                throw new AccessDeniedException("a company-wide sanction needs a county-wide account");
            }
        } else {
            communityPath = compounds.sanctionable(caller, compoundId).communityPath();
        }
        return sanctions.save(Sanction.issue(kind, companyId, compoundId, communityPath, reason, evidenceRefs, deadline,
                settings.today(clock), settings.sanctions().appealWindowDays(), caller.accountId(), clock.instant()));
    }

    /**
     * Summons (约谈) a company, once per ranking that found it at the bottom for the consecutive months:
     * the id is derived from the ranking, so publishing again never summons twice.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = SanctionIssued.class,
            description = "a company at the bottom for consecutive months was summoned"))
    public void summon(String rankingId, String companyId, String reason) {
        String id = "summons-" + rankingId + "-" + companyId;
        if (sanctions.existsById(id)) {
            return;
        }
        try {
            sanctions.insert(Sanction.issue(id, SanctionKind.SUMMONS, companyId, null, null, reason,
                    List.of("ranking:" + rankingId), null, settings.today(clock),
                    settings.sanctions().appealWindowDays(), "ranking", clock.instant()));
        } catch (DuplicateKeyException alreadySummoned) {
            // a concurrent publish summoned it
        }
    }

    /**
     * Evicts the company serving the compound (清退): the compound ends its regular contract and starts the
     * fallback one in a single write, with the three events; the sanction's record follows under the same id.
     */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractEnded.class,
            description = "the evicted company's contract ended"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = ContractStarted.class,
            description = "a fallback contract started the same moment"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = SanctionIssued.class,
            description = "the eviction sanction"))
    EvictionResult evict(Caller caller, String compoundId, String decisionId, Compound.AssemblyConsultation consultation,
                         String fallbackCompanyId, LocalDate fallbackEndsOn, String reason, List<String> evidenceRefs) {
        Compound compound = compounds.administered(caller, compoundId);
        PropertyCompany fallback = companies.require(fallbackCompanyId);
        LocalDate today = settings.today(clock);
        LocalDate appealUntil = today.plusDays(settings.sanctions().appealWindowDays());
        Compound.Eviction eviction = compound.evict(mandate(compound, decisionId, consultation, today), fallback, fallbackEndsOn, reason, evidenceRefs,
                appealUntil, today, clock.instant());
        Compound saved = compounds.save(compound);
        Sanction sanction = sanctions.save(Sanction.ofEviction(eviction.sanctionId(), eviction.companyId(),
                compound.id(), compound.communityPath(), reason, evidenceRefs, today, appealUntil, caller.accountId(),
                clock.instant()));
        return new EvictionResult(saved, eviction, sanction);
    }

    /**
     * The owners' mandate for an eviction: a passed decision of the compound's owners dismissing the company (Civil
     * Code art. 278 item 4); the older assembly consultation only where the company to be evicted stands sanctioned
     * (a sanction in force or under appeal about this compound, or company-wide). 422 dismissal-decision-required
     * otherwise, decision-or-consultation when both are given.
     */
    private Compound.Mandate mandate(Compound compound, String decisionId, Compound.AssemblyConsultation consultation,
                                     LocalDate today) {
        if (decisionId != null && consultation != null) {
            throw new BusinessRuleViolation("decision-or-consultation",
                    "an eviction cites the owners' decision or, after sanctions, the consultation, not both");
        }
        if (decisionId != null) {
            return Compound.Mandate.ofDecision(decisionId, decisions.passedDismissal(compound.id(), decisionId));
        }
        String evicted = compound.contracts().stream()
                .filter(contract -> contract.kind() == ContractKind.REGULAR && contract.inForceOn(today))
                .map(Contract::companyId).findFirst().orElse(null);
        if (consultation == null || (evicted != null && !standsSanctioned(evicted, compound.id()))) {
            throw new BusinessRuleViolation("dismissal-decision-required", "an eviction of a company without "
                    + "sanctions needs the owners' passed decision dismissing it (Civil Code art. 278 item 4)");
        }
        return Compound.Mandate.ofConsultation(consultation);
    }

    private boolean standsSanctioned(String companyId, String compoundId) {
        return mongo.exists(Query.query(Criteria.where("companyId").is(companyId)
                .and("status").in(Sanction.Status.IN_FORCE, Sanction.Status.APPEALED)
                .and("kind").ne(SanctionKind.EVICTION)
                .orOperator(Criteria.where("compoundId").is(compoundId), Criteria.where("compoundId").is(null))),
                Sanction.class);
    }

    @SchedulerLock(name = "property.eviction-repair")
    @Scheduled(fixedDelayString = "${linli.property.sanctions.eviction-repair-interval:10m}", initialDelay = 60_000)
    void restoreEvictionRecordsOnSchedule() {
        restoreEvictionRecords();
    }

    /**
     * Writes the sanction record of every eviction the compounds hold but the sanctions lack (a crash between
     * the compound's write and the sanction's): the compound's write is the authority, so this only fills gaps.
     * Runs every ten minutes; answers how many were restored.
     */
    public int restoreEvictionRecords() {
        int restored = 0;
        for (Compound compound : compounds.withEvictions()) {
            for (Compound.Eviction eviction : compound.evictions()) {
                if (!sanctions.existsById(eviction.sanctionId())) {
                    try {
                        sanctions.insert(Sanction.ofEviction(eviction.sanctionId(), eviction.companyId(), compound.id(),
                                compound.communityPath(), eviction.reason(), eviction.evidenceRefs(),
                                eviction.evictedOn(), eviction.appealUntil(), "restored", clock.instant()));
                        restored++;
                    } catch (DuplicateKeyException writtenMeanwhile) {
                        // the eviction's own request wrote it
                    }
                }
            }
        }
        return restored;
    }

    Sanction appeal(Caller caller, String id, String grounds) {
        Sanction sanction = find(id);
        if (!caller.worksFor(sanction.companyId())) {
            throw new AccessDeniedException("only the sanctioned company's staff may appeal");
        }
        sanction.appeal(grounds, settings.today(clock), clock.instant());
        return sanctions.save(sanction);
    }

    Sanction decideAppeal(Caller caller, String id, boolean upheld, String note) {
        Sanction sanction = administered(caller, id);
        sanction.decideAppeal(upheld, note, settings.today(clock), clock.instant());
        return sanctions.save(sanction);
    }

    Sanction lift(Caller caller, String id) {
        Sanction sanction = administered(caller, id);
        sanction.lift(settings.today(clock), clock.instant());
        return sanctions.save(sanction);
    }

    Sanction resolve(Caller caller, String id) {
        Sanction sanction = administered(caller, id);
        sanction.resolve(settings.today(clock), clock.instant());
        return sanctions.save(sanction);
    }

    Sanction get(Caller caller, String id) {
        Sanction sanction = find(id);
        if (!sees(caller, sanction)) {
            throw new AccessDeniedException("sanction " + id + " is outside the caller's scope");
        }
        return sanction;
    }

    /**
     * Sanctions the caller may see: PROPERTY_STAFF their company's, county-wide accounts all, other admins
     * those about compounds in their scope and the company-wide ones.
     */
    Page<Sanction> list(Caller caller, String companyId, SanctionKind kind, Sanction.Status status, boolean overdue,
                        Pageable pageable) {
        List<Criteria> filters = new ArrayList<>();
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            filters.add(Criteria.where("companyId").is(caller.companyId() == null ? "-" : caller.companyId()));
        } else if (!caller.isCountyWide()) {
            filters.add(new Criteria().orOperator(Criteria.where("communityPath").is(null),
                    Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath()))));
        }
        if (companyId != null) {
            filters.add(Criteria.where("companyId").is(companyId));
        }
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        if (overdue) {
            filters.add(Criteria.where("kind").is(SanctionKind.SUPERVISED_ITEM).and("status").is(Sanction.Status.IN_FORCE)
                    .and("deadline").lt(settings.today(clock)));
        }
        Query query = Query.query(MongoPages.allOf(filters)).with(pageable);
        return MongoPages.page(mongo, query, pageable, Sanction.class);
    }

    LocalDate today() {
        return settings.today(clock);
    }

    /**
     * A company's credit record (信用记录): its grade, whether it is on the caution list, and its sanctions
     * per kind (all, and still in force or under appeal), newest first.
     */
    CreditRecord creditRecord(Caller caller, String companyId) {
        PropertyCompany company = companies.require(companyId);
        if (caller.hasRole(Roles.PROPERTY_STAFF) && !caller.worksFor(companyId)) {
            throw new AccessDeniedException("property staff see only their own company");
        }
        List<Sanction> all = mongo.find(Query.query(Criteria.where("companyId").is(companyId)), Sanction.class).stream()
                .sorted(Comparator.comparing(Sanction::issuedOn).reversed().thenComparing(Sanction::id)).toList();
        Map<SanctionKind, long[]> perKind = new EnumMap<>(SanctionKind.class);
        for (Sanction sanction : all) {
            long[] counts = perKind.computeIfAbsent(sanction.kind(), kind -> new long[2]);
            counts[0]++;
            if (sanction.status() == Sanction.Status.IN_FORCE || sanction.status() == Sanction.Status.APPEALED) {
                counts[1]++;
            }
        }
        List<CreditRecord.KindCount> counts = perKind.entrySet().stream()
                .map(entry -> new CreditRecord.KindCount(entry.getKey(), entry.getKey().label(), entry.getValue()[0],
                        entry.getValue()[1])).toList();
        return new CreditRecord(company.id(), company.name(), company.creditCode(), company.starLevel(),
                all.stream().anyMatch(Sanction::cautions), counts, all.stream().limit(20).toList());
    }

    /** The public caution list (谨慎选聘): companies with a yellow card in force, earliest card first. */
    Page<CautionEntry> cautionList(Pageable pageable) {
        List<Sanction> cards = sanctions.findByKind(SanctionKind.YELLOW_CARD).stream().filter(Sanction::cautions)
                .sorted(Comparator.comparing(Sanction::issuedOn).thenComparing(Sanction::id)).toList();
        var names = companies.byId(cards.stream().map(Sanction::companyId).toList());
        List<CautionEntry> entries = cards.stream().map(card -> {
            PropertyCompany company = names.get(card.companyId());
            return new CautionEntry(card.companyId(), company == null ? null : company.name(),
                    company == null ? null : company.creditCode(), card.id(), card.issuedOn(), card.reason());
        }).toList();
        return MongoPages.page(entries, pageable);
    }

    private Sanction find(String id) {
        return sanctions.findById(id).orElseThrow(() -> new NotFoundException("sanction", id));
    }

    private boolean sees(Caller caller, Sanction sanction) {
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            return caller.worksFor(sanction.companyId());
        }
        return sanction.communityPath() == null || caller.covers(sanction.communityPath());
    }

    /** Decisions on a sanction: county-wide accounts, or for a compound's sanction an account covering it. */
    private Sanction administered(Caller caller, String id) {
        Sanction sanction = find(id);
        boolean allowed = !caller.hasRole(Roles.PROPERTY_STAFF) && (sanction.communityPath() == null
                ? caller.isCountyWide() : caller.covers(sanction.communityPath()));
        if (!allowed) {
            throw new AccessDeniedException("sanction " + id + " is outside the caller's administration");
        }
        return sanction;
    }

    /** A company's grade, caution-list standing, sanction counts per kind and its 20 latest sanctions. */
    record CreditRecord(String companyId, String companyName, String creditCode, int starLevel, boolean onCautionList,
                        List<KindCount> sanctionsPerKind, List<Sanction> latestSanctions) {

        /** Sanctions of a kind: all of them, and those still standing (in force or under appeal). */
        record KindCount(SanctionKind kind, String kindLabel, long total, long standing) {
        }
    }

    /** A company on the caution list, with the yellow card that put it there. */
    record CautionEntry(String companyId, String companyName, String creditCode, String sanctionId, LocalDate since,
                        String reason) {
    }

    /** The compound after an eviction, the eviction, and its sanction. */
    record EvictionResult(Compound compound, Compound.Eviction eviction, Sanction sanction) {
    }
}
