package org.linli.property.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly score of compounds and companies, computed from the records only (no hidden state), so the
 * same records always give the same scores:
 * <ul>
 *   <li>an INSPECTION item scores 100 minus the month's deductions for it (not below 0), when inspected;</li>
 *   <li>a RESIDENTS item scores the share of satisfied answers, in percent: the quarter's survey
 *       (satisfied / respondents) together with the month's issue ratings (4 or 5 stars satisfied);</li>
 *   <li>an ORGANISATION item scores what the organisation gave for the month;</li>
 *   <li>a compound's total is the weighted mean of its items that have records (the weights of items without
 *       any are left out and shown as not covered); a compound without records is not scored;</li>
 *   <li>a company's score is the mean of the totals of the compounds it served at the month's end, its item
 *       scores the means over those compounds.</li>
 * </ul>
 * Scores are rounded to two decimals.
 */
public final class MonthlyScores {

    private MonthlyScores() {
    }

    public static Result compute(Scheme scheme, Collection<Subject> compounds, Collection<Inspection> inspections,
                                 Map<String, Survey> surveys, Collection<IssueRating> ratings,
                                 Collection<OrganisationScore> organisationScores) {
        Map<String, Map<String, int[]>> deductions = new HashMap<>();
        for (Inspection inspection : inspections) {
            int[] found = deductions.computeIfAbsent(inspection.compoundId(), id -> new HashMap<>())
                    .computeIfAbsent(inspection.itemCode(), code -> new int[2]);
            found[0]++;
            found[1] += inspection.points();
        }
        Map<String, int[]> ratingCounts = new HashMap<>();
        for (IssueRating rating : ratings) {
            int[] counts = ratingCounts.computeIfAbsent(rating.compoundId(), id -> new int[2]);
            counts[0]++;
            counts[1] += rating.satisfied() ? 1 : 0;
        }
        Map<String, Integer> organisation = new HashMap<>();
        for (OrganisationScore score : organisationScores) {
            organisation.put(score.compoundId() + ":" + score.itemCode(), score.score());
        }

        Map<String, CompoundScore> byCompound = new LinkedHashMap<>();
        for (Subject compound : compounds) {
            List<ItemScore> items = new ArrayList<>(scheme.items().size());
            double weighted = 0;
            int covered = 0;
            for (Scheme.Item item : scheme.items()) {
                ItemScore itemScore = switch (item.scorer()) {
                    case INSPECTION -> inspected(item, deductions.getOrDefault(compound.compoundId(), Map.of())
                            .get(item.code()));
                    case RESIDENTS -> residents(item, surveys.get(compound.compoundId()),
                            ratingCounts.get(compound.compoundId()));
                    case ORGANISATION -> {
                        Integer given = organisation.get(compound.compoundId() + ":" + item.code());
                        yield new ItemScore(item.code(), item.name(), item.scorer(), item.weight(),
                                given == null ? null : given.doubleValue(), given == null ? "no score" : "given " + given);
                    }
                };
                items.add(itemScore);
                if (itemScore.score() != null) {
                    weighted += itemScore.score() * item.weight();
                    covered += item.weight();
                }
            }
            Double total = covered == 0 ? null : round(weighted / covered);
            byCompound.put(compound.compoundId(), new CompoundScore(compound.compoundId(), compound.name(),
                    compound.companyId(), total, covered, items));
        }

        Map<String, List<CompoundScore>> perCompany = new LinkedHashMap<>();
        for (CompoundScore score : byCompound.values()) {
            if (score.companyId() != null) {
                perCompany.computeIfAbsent(score.companyId(), id -> new ArrayList<>()).add(score);
            }
        }
        List<CompanyScore> companies = new ArrayList<>();
        perCompany.forEach((companyId, served) -> companies.add(company(scheme, companyId, served)));
        companies.sort(Comparator.comparing((CompanyScore c) -> c.score() == null ? Double.NEGATIVE_INFINITY : c.score())
                .reversed().thenComparing(CompanyScore::companyId));
        return new Result(scheme, byCompound, companies);
    }

    private static ItemScore inspected(Scheme.Item item, int[] found) {
        if (found == null) {
            return new ItemScore(item.code(), item.name(), item.scorer(), item.weight(), null, "not inspected");
        }
        return new ItemScore(item.code(), item.name(), item.scorer(), item.weight(),
                (double) Math.max(0, 100 - found[1]), found[0] + " inspection(s), -" + found[1] + " points");
    }

    private static ItemScore residents(Scheme.Item item, Survey survey, int[] ratings) {
        int answers = (survey == null ? 0 : survey.respondents()) + (ratings == null ? 0 : ratings[0]);
        int satisfied = (survey == null ? 0 : survey.satisfied()) + (ratings == null ? 0 : ratings[1]);
        if (answers == 0) {
            return new ItemScore(item.code(), item.name(), item.scorer(), item.weight(), null, "no survey or rating");
        }
        String basis = (survey == null ? "no survey" : "survey " + survey.satisfied() + "/" + survey.respondents())
                + (ratings == null ? "" : ", ratings " + ratings[1] + "/" + ratings[0]) + " satisfied";
        return new ItemScore(item.code(), item.name(), item.scorer(), item.weight(), round(100.0 * satisfied / answers),
                basis);
    }

    private static CompanyScore company(Scheme scheme, String companyId, List<CompoundScore> served) {
        List<CompoundScore> scored = served.stream().filter(score -> score.total() != null).toList();
        List<ItemScore> items = new ArrayList<>();
        for (int i = 0; i < scheme.items().size(); i++) {
            Scheme.Item item = scheme.items().get(i);
            int index = i;
            List<Double> values = scored.stream().map(score -> score.items().get(index).score())
                    .filter(value -> value != null).toList();
            items.add(new ItemScore(item.code(), item.name(), item.scorer(), item.weight(),
                    values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()),
                    values.size() + " of " + served.size() + " compounds"));
        }
        Double score = scored.isEmpty() ? null
                : round(scored.stream().mapToDouble(CompoundScore::total).average().orElseThrow());
        List<CompoundScore> lowest = scored.stream().sorted(Comparator.comparing(CompoundScore::total)
                .thenComparing(CompoundScore::compoundId)).limit(3).toList();
        return new CompanyScore(companyId, score, served.size(), scored.size(), items, lowest);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A compound to score: its company at the month's end ({@code null} when none). */
    public record Subject(String compoundId, String name, String companyId) {
    }

    /** An item's score ({@code null} without records) and what it rests on. */
    public record ItemScore(String code, String name, Scorer scorer, int weight, Double score, String basis) {
    }

    /** A compound's month: total ({@code null} when nothing was recorded), the weight covered by records, items. */
    public record CompoundScore(String compoundId, String name, String companyId, Double total, int coveredWeight,
                                List<ItemScore> items) {
    }

    /** A company's month: mean of its scored compounds, item means, and its three lowest compounds. */
    public record CompanyScore(String companyId, Double score, int compoundsServed, int compoundsScored,
                               List<ItemScore> items, List<CompoundScore> lowestCompounds) {
    }

    /** Everything computed for one month and scope. */
    public record Result(Scheme scheme, Map<String, CompoundScore> compounds, List<CompanyScore> companies) {
    }
}
