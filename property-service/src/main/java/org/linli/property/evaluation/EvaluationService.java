package org.linli.property.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Records schemes, inspections, surveys and organisation scores, and reads a compound's monthly score. */
@Service
class EvaluationService {

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final Evaluations evaluations;
    private final PropertySettings settings;
    private final Clock clock;

    EvaluationService(MongoOperations mongo, Compounds compounds, Evaluations evaluations, PropertySettings settings,
                      Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.evaluations = evaluations;
        this.settings = settings;
        this.clock = clock;
    }

    Scheme defineScheme(String name, YearMonth effectiveFrom, List<Scheme.Item> items) {
        return mongo.insert(Scheme.define(name, effectiveFrom, items, clock.instant()));
    }

    Page<Scheme> schemes(Pageable pageable) {
        Query query = new Query().with(pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "effectiveFrom")));
        return MongoPages.page(mongo, query, pageable, Scheme.class);
    }

    Inspection inspect(Caller caller, String compoundId, LocalDate inspectedOn, String itemCode,
                       List<Inspection.Deduction> deductions) {
        Compound compound = compounds.administered(caller, compoundId);
        Scheme scheme = evaluations.schemeFor(YearMonth.from(inspectedOn));
        Scheme.Item item = scheme.item(itemCode).orElseThrow(() -> new BusinessRuleViolation("unknown-item",
                "the scheme " + scheme.name() + " has no item " + itemCode, itemCode, scheme.name()));
        return mongo.insert(Inspection.record(compound.id(), compound.communityPath(), inspectedOn, item, deductions,
                caller.accountId(), settings.today(clock), clock.instant()));
    }

    Page<Inspection> inspections(Caller caller, String compoundId, YearMonth month, Pageable pageable) {
        compounds.visible(caller, compoundId);
        Criteria criteria = Criteria.where("compoundId").is(compoundId);
        if (month != null) {
            criteria = criteria.and("month").is(month.toString());
        }
        Query query = Query.query(criteria).with(pageable);
        return MongoPages.page(mongo, query, pageable, Inspection.class);
    }

    Survey survey(Caller caller, String compoundId, String quarter, int respondents, int satisfied, LocalDate conductedOn) {
        Compound compound = compounds.administered(caller, compoundId);
        if (respondents <= 0 || satisfied < 0 || satisfied > respondents) {
            throw new BusinessRuleViolation("invalid-survey", "satisfied answers are between 0 and the respondents",
                    satisfied, respondents);
        }
        if (conductedOn.isAfter(settings.today(clock)) || !quarter.equals(Evaluations.quarterOf(YearMonth.from(conductedOn)))) {
            throw new BusinessRuleViolation("invalid-survey-date", "a survey is dated within its quarter, not after today",
                    quarter);
        }
        return mongo.save(new Survey(compound.id() + ":" + quarter, compound.id(), compound.communityPath(), quarter,
                respondents, satisfied, conductedOn));
    }

    OrganisationScore scoreByOrganisation(Caller caller, String compoundId, YearMonth month, String itemCode, int score) {
        Compound compound = compounds.administered(caller, compoundId);
        Scheme scheme = evaluations.schemeFor(month);
        Scheme.Item item = scheme.item(itemCode).filter(found -> found.scorer() == Scorer.ORGANISATION)
                .orElseThrow(() -> new BusinessRuleViolation("unknown-item",
                        "the scheme " + scheme.name() + " has no organisation item " + itemCode, itemCode, scheme.name()));
        if (month.isAfter(settings.month(clock))) {
            throw new BusinessRuleViolation("month-in-future", "a month after the current one cannot be scored", month);
        }
        return mongo.save(new OrganisationScore(compound.id() + ":" + month + ":" + item.code(), compound.id(),
                compound.communityPath(), month.toString(), item.code(), score, caller.accountId()));
    }

    MonthlyScores.CompoundScore compoundScore(Caller caller, String compoundId, YearMonth month) {
        Compound compound = compounds.visible(caller, compoundId);
        return evaluations.score(List.of(compound), month).compounds().get(compound.id());
    }
}
