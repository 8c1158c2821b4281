package org.linli.property.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Last month's evaluation records for the compounds served by a company (the demo's), so a ranking can be
 * published at once: two spot checks per compound (environment, facilities), the quarter's survey and the
 * organisation's party-building score. Each company has a steady quality drawn from its id, so the ranking's
 * top and bottom differ clearly and the breakdown shows why; every record goes through the same rules.
 */
@Component
class DemoEvaluations {

    static final String INSPECTOR = "demo-inspector";

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final Evaluations evaluations;
    private final PropertySettings settings;
    private final Clock clock;

    DemoEvaluations(MongoOperations mongo, Compounds compounds, Evaluations evaluations, PropertySettings settings,
                    Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.evaluations = evaluations;
        this.settings = settings;
        this.clock = clock;
    }

    Summary load() {
        LocalDate today = settings.today(clock);
        YearMonth month = YearMonth.from(today).minusMonths(1);
        if (mongo.exists(Query.query(Criteria.where("inspectorAccountId").is(INSPECTOR).and("month").is(month.toString())),
                Inspection.class)) {
            throw new BusinessRuleViolation("demo-already-loaded", "the demo evaluations are already loaded");
        }
        Scheme scheme = evaluations.schemeFor(month);
        List<Scheme.Item> inspected = scheme.items().stream().filter(item -> item.scorer() == Scorer.INSPECTION).toList();
        List<Scheme.Item> organisation = scheme.items().stream()
                .filter(item -> item.scorer() == Scorer.ORGANISATION).toList();
        LocalDate end = month.atEndOfMonth();
        String quarter = Evaluations.quarterOf(month);
        Instant now = clock.instant();
        List<Inspection> inspections = new ArrayList<>();
        List<Survey> surveys = new ArrayList<>();
        List<OrganisationScore> scores = new ArrayList<>();
        for (Compound compound : compounds.under(null)) {
            String company = Compounds.companyOn(compound, end);
            if (company == null) {
                continue;
            }
            // 0 (excellent) to 1 (poor), steady per company; a little noise per compound
            double weakness = Math.floorMod(company.hashCode(), 100) / 100.0;
            SplittableRandom random = new SplittableRandom(compound.id().hashCode());
            for (Scheme.Item item : inspected) {
                int points = (int) Math.round(weakness * 30 + random.nextInt(0, 8));
                List<Inspection.Deduction> deductions = points == 0 ? List.of()
                        : List.of(new Inspection.Deduction(item.name() + "不达标", Math.min(points, 100),
                        List.of("demo/photos/" + compound.id() + "-" + item.code() + ".jpg")));
                inspections.add(Inspection.record(compound.id(), compound.communityPath(), month.atDay(12), item,
                        deductions, INSPECTOR, today, now));
            }
            int respondents = 30 + random.nextInt(0, 31);
            int satisfied = (int) Math.round(respondents * (0.98 - weakness * 0.4 - random.nextDouble(0, 0.05)));
            surveys.add(new Survey(compound.id() + ":" + quarter, compound.id(), compound.communityPath(), quarter,
                    respondents, Math.max(0, Math.min(respondents, satisfied)), month.atDay(20)));
            for (Scheme.Item item : organisation) {
                scores.add(new OrganisationScore(compound.id() + ":" + month + ":" + item.code(), compound.id(),
                        compound.communityPath(), month.toString(), item.code(),
                        (int) Math.round(95 - weakness * 25 - random.nextInt(0, 5)), INSPECTOR));
            }
        }
        if (surveys.isEmpty()) {
            throw new BusinessRuleViolation("no-demo-compounds", "no compound served by a company: load the demo compounds first");
        }
        mongo.insertAll(inspections);
        for (Survey survey : surveys) {
            mongo.save(survey);
        }
        for (OrganisationScore score : scores) {
            mongo.save(score);
        }
        return new Summary(month, inspections.size(), surveys.size(), scores.size());
    }

    /** What was recorded for which month. */
    record Summary(YearMonth month, int inspections, int surveys, int organisationScores) {
    }
}
