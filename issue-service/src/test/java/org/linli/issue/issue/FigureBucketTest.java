package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FigureBucketTest {

    private static final Instant ASKED = Instant.parse("2026-11-21T09:00:00Z");
    private static final FigureBucket.Lag LAG = new FigureBucket.Lag(2_000, Duration.ofSeconds(30));
    private static final long REV = 41;

    @Test
    void sumsComputedAtTheCurrentRevAnswerAnyRequest() {
        FigureBucket bucket = bucket(REV, ASKED.minus(Duration.ofDays(3)), 10);

        assertThat(bucket.answers(REV, ASKED, null)).isTrue();
        assertThat(bucket.currentAt(REV)).isTrue();
    }

    @Test
    void sumsBegunAfterTheRequestArrivedAnswerItThoughTheRevMovedOn() {
        FigureBucket bucket = bucket(REV, ASKED.plusMillis(1), 10);

        assertThat(bucket.answers(REV + 3, ASKED, null)).isTrue();
        assertThat(bucket.currentAt(REV + 3)).isFalse();
    }

    @Test
    void aQuietSlotsSumsBehindItsRevNeverAnswerARequestThatArrivedAfterThem() {
        FigureBucket bucket = bucket(REV, ASKED.minusMillis(1), 1_998);

        assertThat(bucket.answers(REV + 1, ASKED, LAG)).isFalse();
    }

    @Test
    void aBusySlotsSumsBehindItsRevAnswerWhateverTheirAgeOnlyWhenTheRequestAllowsIt() {
        FigureBucket hoursOld = bucket(REV, ASKED.minus(Duration.ofHours(5)), 2_000);

        assertThat(hoursOld.answers(REV + 1, ASKED, LAG)).isTrue();
        assertThat(hoursOld.answers(REV + 1, ASKED, null)).isFalse();
    }

    @Test
    void sumsOfAFewIssuesAreBusyOnceAsManyChangesWereSavedInTheirSlotSince() {
        FigureBucket earlyInTheHour = bucket(REV, ASKED.minus(Duration.ofMinutes(40)), 10);

        assertThat(earlyInTheHour.answers(REV + 1_989, ASKED, LAG)).isFalse();
        assertThat(earlyInTheHour.answers(REV + 1_990, ASKED, LAG)).isTrue();
    }

    @Test
    void aBusySlotsSumsAreRecomputedOnlyOnceTheyAreARefreshIntervalOld() {
        FigureBucket recent = bucket(REV, ASKED.minusSeconds(29), 2_000);
        FigureBucket due = bucket(REV, ASKED.minusSeconds(30), 2_000);

        assertThat(LAG.refreshDue(recent, ASKED)).isFalse();
        assertThat(LAG.refreshDue(due, ASKED)).isTrue();
    }

    @Test
    void sumsBuiltFromPartsThatWereNotExactAreNeverCurrent() {
        FigureBucket bucket = bucket(FigureBucket.NOT_EXACT, ASKED.minusSeconds(60), 10);

        assertThat(bucket.currentAt(REV)).isFalse();
        assertThat(bucket.answers(REV, ASKED, LAG)).isFalse();
    }

    private static FigureBucket bucket(long rev, Instant asOf, int issues) {
        FigureCounts counts = new FigureCounts();
        counts.total = issues;
        return new FigureBucket("|H|1", rev, asOf, issues, counts, null, null);
    }
}
