package org.linli.property.ranking;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.property.RankingPublished;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.property.PropertySettings;
import org.linli.property.company.Companies;
import org.linli.property.copies.OrgAndGridCopies;
import org.linli.property.copies.OrgAndGridCopies.OrgUnit;
import org.linli.property.evaluation.Evaluations;
import org.linli.property.evaluation.MonthlyScores;
import org.linli.property.sanction.SanctionService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Publishes monthly rankings of a county or street once the month is over, and summons (约谈) companies found
 * in the bottom band of the scope's rankings for the configured number of consecutive months.
 */
@Service
class RankingService {

    private static final int RECENT = 64;
    private static final Set<String> STREET_TYPES = Set.of("STREET_COMMITTEE", "TOWNSHIP_COMMITTEE");

    private final RankingRepository rankings;
    private final Evaluations evaluations;
    private final Companies companies;
    private final OrgAndGridCopies copies;
    private final SanctionService sanctions;
    private final PropertySettings settings;
    private final Clock clock;
    private final Map<String, Ranking> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ranking> eldest) {
            return size() > RECENT;
        }
    });

    RankingService(RankingRepository rankings, Evaluations evaluations, Companies companies, OrgAndGridCopies copies,
                   SanctionService sanctions, PropertySettings settings, Clock clock) {
        this.rankings = rankings;
        this.evaluations = evaluations;
        this.companies = companies;
        this.copies = copies;
        this.sanctions = sanctions;
        this.settings = settings;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.PROPERTY_EVENTS, payloadType = RankingPublished.class,
            description = "a monthly ranking was published"))
    Ranking publish(Caller caller, String scopeUnitId, YearMonth month) {
        if (!month.isBefore(settings.month(clock))) {
            throw new BusinessRuleViolation("month-not-over", "a month is ranked once it is over", month);
        }
        Scope scope = scope(caller, scopeUnitId);
        if (rankings.existsByScopeMonth(scope.id() + ":" + month)) {
            throw new BusinessRuleViolation("ranking-already-published",
                    "the ranking of " + scope.name() + " for " + month + " is already published", scope.name(), month);
        }
        MonthlyScores.Result result = evaluations.score(scope.path(), month);
        Map<String, String> names = new HashMap<>();
        companies.byId(result.companies().stream().map(MonthlyScores.CompanyScore::companyId).toList())
                .forEach((id, company) -> names.put(id, company.name()));
        Ranking ranking = rankings.insert(Ranking.publish(scope.id(), scope.name(), scope.path(), month, result, names,
                settings.ranking().bottomSharePercent(), caller.accountId(), clock.instant()));
        summonLongTimeBottom(ranking);
        return ranking;
    }

    /** Companies at the bottom of this and the scope's previous N-1 monthly rankings are summoned. */
    private void summonLongTimeBottom(Ranking ranking) {
        int months = settings.ranking().summonsAfterMonths();
        for (String companyId : ranking.bottomCompanyIds()) {
            boolean everyMonth = true;
            for (int back = 1; back < months && everyMonth; back++) {
                Optional<Ranking> earlier = rankings.findByScopeMonth(ranking.scopeUnitId() + ":"
                        + ranking.month().minusMonths(back));
                everyMonth = earlier.map(previous -> previous.bottomCompanyIds().contains(companyId)).orElse(false);
            }
            if (everyMonth) {
                sanctions.summon(ranking.id(), companyId, "在" + ranking.scopeName() + "物业服务月度排名中连续" + months
                        + "个月处于末位（截至" + ranking.month() + "）");
            }
        }
    }

    /** The unpublished scores of a scope and month, for admins to check before publishing. */
    MonthlyScores.Result preview(Caller caller, String scopeUnitId, YearMonth month) {
        return evaluations.score(scope(caller, scopeUnitId).path(), month);
    }

    /** A published ranking; snapshots never change, so the most recently read ones are kept in memory. */
    Ranking published(String id) {
        Ranking cached = recent.get(id);
        if (cached != null) {
            return cached;
        }
        Ranking ranking = rankings.findById(id).orElseThrow(() -> new NotFoundException("ranking", id));
        recent.put(id, ranking);
        return ranking;
    }

    Page<Ranking> history(String scopeUnitId, Pageable pageable) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().isSorted() ? pageable.getSort() : Sort.by(Sort.Direction.DESC, "month"));
        return scopeUnitId == null ? rankings.findAll(newestFirst) : rankings.findByScopeUnitId(scopeUnitId, newestFirst);
    }

    /**
     * The annual review (年考核) of a scope's companies, from its published monthly rankings of the year:
     * months ranked, mean monthly score, best and worst rank, months in the bottom band; best mean first.
     */
    AnnualReview annualReview(String scopeUnitId, int year) {
        String scope = scopeUnitId == null ? Ranking.COUNTY : scopeUnitId;
        List<Ranking> months = rankings.findByScopeUnitId(scope, Pageable.unpaged()).stream()
                .filter(ranking -> ranking.month().getYear() == year)
                .sorted(Comparator.comparing(Ranking::month)).toList();
        Map<String, List<Ranking.Entry>> entries = new LinkedHashMap<>();
        Map<String, Integer> bottom = new HashMap<>();
        for (Ranking ranking : months) {
            for (Ranking.Entry entry : ranking.entries()) {
                entries.computeIfAbsent(entry.companyId(), id -> new ArrayList<>()).add(entry);
            }
            ranking.bottomCompanyIds().forEach(id -> bottom.merge(id, 1, Integer::sum));
        }
        List<AnnualReview.Company> companies = new ArrayList<>();
        entries.forEach((companyId, ranked) -> companies.add(new AnnualReview.Company(companyId,
                ranked.get(ranked.size() - 1).companyName(), ranked.size(),
                Math.round(ranked.stream().mapToDouble(Ranking.Entry::score).average().orElseThrow() * 100) / 100.0,
                ranked.stream().mapToInt(Ranking.Entry::rank).min().orElseThrow(),
                ranked.stream().mapToInt(Ranking.Entry::rank).max().orElseThrow(), bottom.getOrDefault(companyId, 0))));
        companies.sort(Comparator.comparing(AnnualReview.Company::meanScore).reversed()
                .thenComparing(AnnualReview.Company::companyId));
        return new AnnualReview(scope, year, months.stream().map(Ranking::month).toList(), companies);
    }

    /** A year of a scope's published rankings, per company. */
    record AnnualReview(String scopeUnitId, int year, List<YearMonth> monthsPublished, List<Company> companies) {

        record Company(String companyId, String companyName, int monthsRanked, double meanScore, int bestRank,
                       int worstRank, int monthsInBottomBand) {
        }
    }

    private Scope scope(Caller caller, String scopeUnitId) {
        if (scopeUnitId == null || Ranking.COUNTY.equals(scopeUnitId)) {
            if (!caller.isCountyWide()) {
                throw new AccessDeniedException("a county-wide ranking needs a county-wide account");
            }
            return new Scope(Ranking.COUNTY, "全县（区）", null);
        }
        OrgUnit unit = copies.orgUnit(scopeUnitId).filter(found -> STREET_TYPES.contains(found.unitType()))
                .orElseThrow(() -> new BusinessRuleViolation("invalid-ranking-scope",
                        "a ranking is for the county or a known street or township", scopeUnitId));
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("street " + scopeUnitId + " is outside the caller's scope");
        }
        return new Scope(unit.id(), unit.name(), unit.path());
    }

    private record Scope(String id, String name, String path) {
    }
}
