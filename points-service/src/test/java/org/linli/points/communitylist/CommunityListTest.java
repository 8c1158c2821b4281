package org.linli.points.communitylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.points.communitylist.CommunityList.Board;
import org.linli.points.communitylist.CommunityList.Line;
import org.linli.points.communitylist.CommunityList.Scope;
import org.linli.points.communitylist.CommunityList.Status;

class CommunityListTest {

    private static final Scope STREET = new Scope("s1", "城关街道", "/county/s1/");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");

    /** An Object Mother of community figures: a busy community has more of everything. */
    private static CommunityFigures community(String id, int activities, int attendances, long minutes, int noShows) {
        return new CommunityFigures(id, id + "社区", activities, attendances, minutes, noShows);
    }

    private static final List<CommunityFigures> FIVE = List.of(
            community("c1", 4, 40, 4800, 0),
            community("c2", 2, 20, 2400, 5),
            community("c3", 1, 5, 300, 5),
            community("c4", 0, 0, 0, 0),
            community("c5", 3, 30, 3000, 10));

    @Test
    void scoresEachMeasureAgainstTheBestCommunityOfTheScope() {
        List<CommunityScore.Scored> ranked = CommunityScore.rank(FIVE);

        assertThat(ranked).extracting(s -> s.figures().communityUnitId()).containsExactly("c1", "c5", "c2", "c3", "c4");
        assertThat(ranked.get(0).score()).isEqualTo(1000);
        // c5: 250·3/4 + 250·30/40 + 300·3000/4800 + 200·(1000 − 250)/1000 = 187 + 187 + 187 + 150
        assertThat(ranked.get(1).score()).isEqualTo(711);
        assertThat(ranked.get(4).score()).isZero();
        assertThat(ranked).extracting(CommunityScore.Scored::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aCommunityThatHeldNothingGetsNothingForItsBlankNoShowRecord() {
        List<CommunityScore.Scored> ranked = CommunityScore.rank(List.of(community("idle", 0, 0, 0, 0),
                community("busy", 1, 1, 60, 1)));

        assertThat(ranked.get(0).figures().communityUnitId()).isEqualTo("busy");
        assertThat(ranked.get(0).score()).isEqualTo(250 + 250 + 300 + 100);
        assertThat(ranked.get(1).score()).isZero();
    }

    @Test
    void theRedListTakesTheBestAndTheBlackListTheWorstAtMostHalfEach() {
        CommunityList list = draft(FIVE, 3);

        assertThat(list.red()).extracting(Line::communityUnitId).containsExactly("c1", "c5");
        assertThat(list.black()).extracting(Line::communityUnitId).containsExactly("c4", "c3");
        assertThat(list.lines()).filteredOn(line -> line.board() == null).extracting(Line::communityUnitId)
                .containsExactly("c2");
        assertThat(list.red().get(0)).satisfies(line -> {
            assertThat(line.volunteerMinutes()).isEqualTo(4800);
            assertThat(line.noShowPermille()).isZero();
        });
        assertThat(list.black().get(1).noShowPermille()).isEqualTo(500);
    }

    @Test
    void aMonthWhereEveryoneScoresAlikeHasNoBlackListAndNoRedListWhenNothingWasHeld() {
        CommunityList list = draft(List.of(community("a", 0, 0, 0, 0), community("b", 0, 0, 0, 0)), 3);

        assertThat(list.red()).isEmpty();
        assertThat(list.black()).isEmpty();
    }

    @Test
    void aPublishedListIsImmutableAndANewVersionNeedsAReason() {
        CommunityList published = draft(FIVE, 2);
        published.publish("street-admin", NOW, NOVEMBER);

        assertThat(published.status()).isEqualTo(Status.PUBLISHED);
        assertThatThrownBy(() -> published.recompute(FIVE, 2, "street-admin", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "list-published");
        assertThatThrownBy(() -> published.publish("street-admin", NOW, NOVEMBER))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "list-published");
        assertThatThrownBy(() -> CommunityList.compute(STREET, OCTOBER, published, null, FIVE, 2, "admin", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "list-published");

        CommunityList second = CommunityList.compute(STREET, OCTOBER, published, "c3 的活动漏录", FIVE, 2, "admin", NOW);
        second.publish("street-admin", NOW, NOVEMBER);
        published.supersede(second.id());

        assertThat(second.id()).isEqualTo("s1:2026-10:2");
        assertThat(second.supersedes()).isEqualTo(published.id());
        assertThat(published.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(published.supersededBy()).isEqualTo(second.id());
        assertThatThrownBy(() -> published.recompute(FIVE, 2, "admin", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "list-superseded");
    }

    @Test
    void aDraftIsRecomputedAndPublishedOnlyOnceItsMonthIsOver() {
        CommunityList list = CommunityList.compute(STREET, NOVEMBER, null, null, FIVE, 1, "admin", NOW);
        list.recompute(List.of(community("c9", 1, 1, 60, 0), community("c8", 0, 0, 0, 0)), 1, "admin", NOW);

        assertThat(list.red()).extracting(Line::communityUnitId).containsExactly("c9");
        assertThat(list.lines()).extracting(Line::board).containsExactly(Board.RED, Board.BLACK);
        assertThatThrownBy(() -> list.publish("admin", NOW, NOVEMBER))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "month-not-over");
        assertThatThrownBy(() -> CommunityList.compute(STREET, NOVEMBER, null, "why", FIVE, 1, "admin", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "nothing-to-supersede");
        assertThatThrownBy(() -> list.recompute(FIVE, 21, "admin", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-size");
    }

    private static CommunityList draft(List<CommunityFigures> figures, int size) {
        return CommunityList.compute(STREET, OCTOBER, null, null, figures, size, "street-admin", NOW);
    }
}
