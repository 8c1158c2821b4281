package org.linli.property.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.property.PropertySettings;
import org.linli.property.compound.Compound;
import org.linli.property.compound.Compounds;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads a month's evaluation records for an area and computes its {@link MonthlyScores}; used by rankings and KPIs. */
@Component
public class Evaluations {

    private final MongoOperations mongo;
    private final Compounds compounds;
    private final PropertySettings settings;
    private final Clock clock;

    Evaluations(MongoOperations mongo, Compounds compounds, PropertySettings settings, Clock clock) {
        this.mongo = mongo;
        this.compounds = compounds;
        this.settings = settings;
        this.clock = clock;
    }

    /** The scheme in force in a month: the latest defined from that month or before, else the standard one. */
    public Scheme schemeFor(YearMonth month) {
        Query query = Query.query(Criteria.where("effectiveFrom").lte(month.toString()))
                .with(Sort.by(Sort.Direction.DESC, "effectiveFrom")).limit(1);
        Scheme scheme = mongo.findOne(query, Scheme.class);
        return scheme != null ? scheme : Scheme.standard();
    }

    /** The month's scores of every compound under {@code path} ({@code null}: the county) and of their companies. */
    public MonthlyScores.Result score(String path, YearMonth month) {
        return score(compounds.under(path), month);
    }

    public MonthlyScores.Result score(List<Compound> area, YearMonth month) {
        LocalDate today = settings.today(clock);
        LocalDate end = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        List<MonthlyScores.Subject> subjects = area.stream()
                .map(compound -> new MonthlyScores.Subject(compound.id(), compound.name(), Compounds.companyOn(compound, end)))
                .toList();
        Set<String> ids = subjects.stream().map(MonthlyScores.Subject::compoundId).collect(Collectors.toSet());
        Criteria ofMonth = Criteria.where("month").is(month.toString());
        List<Inspection> inspections = mongo.find(Query.query(ofMonth), Inspection.class).stream()
                .filter(inspection -> ids.contains(inspection.compoundId())).toList();
        Map<String, Survey> surveys = new HashMap<>();
        for (Survey survey : mongo.find(Query.query(Criteria.where("quarter").is(quarterOf(month))), Survey.class)) {
            if (ids.contains(survey.compoundId())) {
                surveys.put(survey.compoundId(), survey);
            }
        }
        List<IssueRating> ratings = mongo.find(Query.query(Criteria.where("month").is(month.toString())), IssueRating.class)
                .stream().filter(rating -> ids.contains(rating.compoundId())).toList();
        List<OrganisationScore> organisation = mongo.find(Query.query(Criteria.where("month").is(month.toString())),
                OrganisationScore.class).stream().filter(score -> ids.contains(score.compoundId())).toList();
        return MonthlyScores.compute(schemeFor(month), subjects, inspections, surveys, ratings, organisation);
    }

    /** Stores a closed issue's rating once (keyed by issue id); issues without compound or rating are ignored. */
    public void recordRating(String issueId, String compoundId, String companyId, Integer rating, YearMonth month) {
        if (compoundId == null || rating == null || rating < 1 || rating > 5) {
            return;
        }
        mongo.save(new IssueRating(issueId, compoundId, companyId, month.toString(), rating));
    }

    /** {@code 2026-Q4} for any month of that quarter. */
    public static String quarterOf(YearMonth month) {
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }

    /** Residents' satisfaction over an area and month, exact from the records: satisfied answers and all answers. */
    public long[] satisfaction(Set<String> compoundIds, YearMonth month) {
        long answers = 0;
        long satisfied = 0;
        for (Survey survey : mongo.find(Query.query(Criteria.where("quarter").is(quarterOf(month))), Survey.class)) {
            if (compoundIds.contains(survey.compoundId())) {
                answers += survey.respondents();
                satisfied += survey.satisfied();
            }
        }
        for (IssueRating rating : mongo.find(Query.query(Criteria.where("month").is(month.toString())), IssueRating.class)) {
            if (compoundIds.contains(rating.compoundId())) {
                answers++;
                satisfied += rating.satisfied() ? 1 : 0;
            }
        }
        return new long[] {satisfied, answers};
    }
}
