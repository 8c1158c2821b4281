package org.linli.property.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class MonthlyScoresTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final Scheme SCHEME = Scheme.standard();

    private static Inspection inspection(String compound, String item, int... points) {
        List<Inspection.Deduction> deductions = java.util.Arrays.stream(points)
                .mapToObj(p -> new Inspection.Deduction("问题", p, List.of("photo/" + p + ".jpg"))).toList();
        return Inspection.record(compound, "/s/c/", LocalDate.of(2026, 10, 12), SCHEME.item(item).orElseThrow(),
                deductions, "inspector", LocalDate.of(2026, 11, 21), NOW);
    }

    private static Survey survey(String compound, int respondents, int satisfied) {
        return new Survey(compound + ":2026-Q4", compound, "/s/c/", "2026-Q4", respondents, satisfied,
                LocalDate.of(2026, 10, 20));
    }

    @Test
    void scoresItemsFromTheRecordsWeighsThemAndRanksCompaniesByTheirCompoundsMean() {
        List<MonthlyScores.Subject> compounds = List.of(new MonthlyScores.Subject("c1", "檀溪花园", "good"),
                new MonthlyScores.Subject("c2", "凤凰小区", "good"), new MonthlyScores.Subject("c3", "锦绣家园", "poor"),
                new MonthlyScores.Subject("c4", "无物业小区", null));
        List<Inspection> inspections = List.of(inspection("c1", "ENVIRONMENT", 2), inspection("c1", "FACILITIES"),
                inspection("c2", "ENVIRONMENT", 4, 6), inspection("c3", "ENVIRONMENT", 30, 20),
                inspection("c3", "FACILITIES", 40));
        Map<String, Survey> surveys = Map.of("c1", survey("c1", 50, 48), "c2", survey("c2", 40, 36),
                "c3", survey("c3", 60, 30));
        List<IssueRating> ratings = List.of(new IssueRating("i1", "c3", "poor", "2026-10", 1),
                new IssueRating("i2", "c3", "poor", "2026-10", 5));
        List<OrganisationScore> organisation = List.of(new OrganisationScore("c1:2026-10:PARTY_BUILDING", "c1", "/s/c/",
                "2026-10", "PARTY_BUILDING", 90, "admin"));

        MonthlyScores.Result result = MonthlyScores.compute(SCHEME, compounds, inspections, surveys, ratings, organisation);

        MonthlyScores.CompoundScore c1 = result.compounds().get("c1");
        // environment 98 ×15 + facilities 100 ×15 + party building 90 ×20 + satisfaction 96 ×50, over 100
        assertThat(c1.total()).isEqualTo(95.7);
        assertThat(c1.coveredWeight()).isEqualTo(100);
        MonthlyScores.CompoundScore c3 = result.compounds().get("c3");
        // environment 50 ×15 + facilities 60 ×15 + satisfaction (30+1)/(60+2) = 50 ×50, over 80
        assertThat(c3.items().get(3).score()).isEqualTo(50.0);
        assertThat(c3.items().get(3).basis()).isEqualTo("survey 30/60, ratings 1/2 satisfied");
        assertThat(c3.total()).isEqualTo(51.88);
        assertThat(c3.coveredWeight()).isEqualTo(80);
        assertThat(result.compounds().get("c4").total()).isNull();

        assertThat(result.companies()).extracting(MonthlyScores.CompanyScore::companyId).containsExactly("good", "poor");
        MonthlyScores.CompanyScore good = result.companies().get(0);
        // c2: environment 90 ×15 + satisfaction 90 ×50, over 65 = 90
        assertThat(good.score()).isEqualTo(92.85);
        assertThat(good.compoundsScored()).isEqualTo(2);
        assertThat(good.items().get(0).score()).isEqualTo(94.0);
        assertThat(result.companies().get(1).lowestCompounds()).extracting(MonthlyScores.CompoundScore::compoundId)
                .containsExactly("c3");
    }

    @Test
    void theSameRecordsGiveTheSameScores() {
        List<MonthlyScores.Subject> compounds = List.of(new MonthlyScores.Subject("c1", "a", "x"));
        List<Inspection> inspections = List.of(inspection("c1", "ENVIRONMENT", 7));
        MonthlyScores.Result first = MonthlyScores.compute(SCHEME, compounds, inspections, Map.of(), List.of(), List.of());
        MonthlyScores.Result second = MonthlyScores.compute(SCHEME, compounds, inspections, Map.of(), List.of(), List.of());

        assertThat(first.compounds()).isEqualTo(second.compounds());
        assertThat(first.companies()).isEqualTo(second.companies());
    }

    @Test
    void aSchemesWeightsAddUpTo100WithResidentsAtLeastHalf() {
        assertThatThrownBy(() -> Scheme.define("x", YearMonth.of(2026, 12), List.of(
                new Scheme.Item("A", "a", Scorer.INSPECTION, 60), new Scheme.Item("B", "b", Scorer.RESIDENTS, 50)), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("weights-not-100"));
        assertThatThrownBy(() -> Scheme.define("x", YearMonth.of(2026, 12), List.of(
                new Scheme.Item("A", "a", Scorer.INSPECTION, 60), new Scheme.Item("B", "b", Scorer.RESIDENTS, 40)), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("residents-weight-too-low"));
        Scheme scheme = Scheme.define("三方评价", YearMonth.of(2026, 12), List.of(
                new Scheme.Item("A", "a", Scorer.ORGANISATION, 25), new Scheme.Item("B", "b", Scorer.RESIDENTS, 50),
                new Scheme.Item("C", "c", Scorer.INSPECTION, 25)), NOW);
        assertThat(scheme.effectiveFrom()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void anInspectionRecordsOnlyInspectionItemsAndNeverInTheFuture() {
        assertThatThrownBy(() -> Inspection.record("c1", "/s/c/", LocalDate.of(2026, 10, 1),
                SCHEME.item("SATISFACTION").orElseThrow(), List.of(), "i", LocalDate.of(2026, 11, 21), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-an-inspection-item"));
        assertThatThrownBy(() -> Inspection.record("c1", "/s/c/", LocalDate.of(2026, 11, 22),
                SCHEME.item("ENVIRONMENT").orElseThrow(), List.of(), "i", LocalDate.of(2026, 11, 21), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("inspection-in-future"));
    }
}
