package org.linli.property.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.property.evaluation.MonthlyScores;

class RankingTest {

    private static MonthlyScores.CompanyScore company(String id, Double score) {
        return new MonthlyScores.CompanyScore(id, score, 2, score == null ? 0 : 2, List.of(), List.of());
    }

    @Test
    void ranksEqualScoresAlikeLeavesUnscoredCompaniesOutAndMarksTheBottomBand() {
        MonthlyScores.Result result = new MonthlyScores.Result(null, Map.of(), List.of(company("a", 95.0),
                company("b", 90.0), company("c", 90.0), company("d", 80.0), company("e", 70.0), company("f", null)));

        Ranking ranking = Ranking.publish("street-1", "镜湖街道", "/street-1/", YearMonth.of(2026, 10),
                withScheme(result), Map.of("a", "甲物业"), 30, "admin", Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(ranking.entries()).extracting(Ranking.Entry::rank).containsExactly(1, 2, 2, 4, 5);
        assertThat(ranking.entries().get(0).companyName()).isEqualTo("甲物业");
        assertThat(ranking.unscoredCompanyIds()).containsExactly("f");
        assertThat(ranking.bottomCompanyIds()).containsExactly("d", "e");
        assertThat(ranking.pendingEvents()).extracting(PendingEvent::type).containsExactly("RankingPublished");
    }

    private static MonthlyScores.Result withScheme(MonthlyScores.Result result) {
        return new MonthlyScores.Result(org.linli.property.evaluation.Scheme.standard(), result.compounds(),
                result.companies());
    }
}
