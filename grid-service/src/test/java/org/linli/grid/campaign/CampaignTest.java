package org.linli.grid.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.grid.campaign.Campaign.Area;
import org.linli.grid.campaign.Campaign.CaseGrid;
import org.linli.platform.domain.BusinessRuleViolation;

class CampaignTest {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate START = LocalDate.parse("2026-06-01");
    private static final LocalDate END = LocalDate.parse("2026-06-30");
    /** 2026-06-10 09:00 in the county. */
    private static final Instant FOUND = Instant.parse("2026-06-10T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-12T02:00:00Z");
    private static final CaseGrid WEST = new CaseGrid("g-west", "西网格", "/l1/g-west/", "c-a", "/s/c-a/");
    private static final CampaignFigures.Counts NO_CASES = CampaignFigures.of(List.of(), START).total();
    private static final CaseGrid ELSEWHERE = new CaseGrid("g-far", "远网格", "/l1/g-far/", "c-b", "/s2/c-b/");

    @Test
    void refusesACaseFoundOutsideThePeriodOrInTheFuture() {
        Campaign campaign = flyingLeads();
        assertRefused(() -> record(campaign, WEST, Instant.parse("2026-05-31T15:59:00Z")), "found-outside-period");
        Instant afterTheEnd = Instant.parse("2026-06-30T16:00:00Z");
        assertRefused(() -> campaign.recordCase(WEST, 36.205, 113.405, "飞线", "photo-1", afterTheEnd, "wang",
                afterTheEnd.plusSeconds(86_400), COUNTY), "found-outside-period");
        assertRefused(() -> record(campaign, WEST, NOW.plusSeconds(60)), "found-outside-period");
        // the first day starts at midnight in the county, 16:00 UTC the day before
        assertThat(record(campaign, WEST, Instant.parse("2026-05-31T16:00:00Z")).foundOn()).isEqualTo(START);
    }

    @Test
    void refusesAPlaceOutsideTheArea() {
        Campaign campaign = flyingLeads();
        assertRefused(() -> record(campaign, ELSEWHERE, FOUND), "outside-campaign-area");
        assertRefused(() -> record(campaign, null, FOUND), "outside-campaign-area");
    }

    @Test
    void refusesAFixingBeforeTheDayFoundOrInTheFuture() {
        RectificationCase found = record(flyingLeads(), WEST, FOUND);
        LocalDate today = LocalDate.parse("2026-06-12");
        assertRefused(() -> found.fix("fix.jpg", LocalDate.parse("2026-06-09"), "wang", today), "invalid-fixed-on");
        assertRefused(() -> found.fix("fix.jpg", today.plusDays(1), "wang", today), "invalid-fixed-on");
        assertThat(found.fixedOn()).isNull();
    }

    @Test
    void fixesOnceAndRefusesASecondFixing() {
        RectificationCase found = record(flyingLeads(), WEST, FOUND);
        LocalDate today = LocalDate.parse("2026-06-12");
        found.fix("https://photos.example/fixed.jpg", LocalDate.parse("2026-06-10"), "wang", today);
        assertThat(found.status(today)).isEqualTo(RectificationCase.Status.FIXED);
        assertRefused(() -> found.fix("again.jpg", today, "li", today), "wrong-step");
        assertThat(found.fixedBy()).isEqualTo("wang");
    }

    @Test
    void anUnfixedCaseIsOverdueAfterItsDeadlineAndAFixedOneNever() {
        Campaign campaign = flyingLeads();
        RectificationCase unfixed = record(campaign, WEST, FOUND);
        RectificationCase fixed = record(campaign, WEST, FOUND);
        fixed.fix("fix.jpg", LocalDate.parse("2026-06-11"), "wang", LocalDate.parse("2026-06-11"));
        assertThat(unfixed.deadline()).isEqualTo(LocalDate.parse("2026-06-13"));
        assertThat(unfixed.overdue(LocalDate.parse("2026-06-13"))).isFalse();
        assertThat(unfixed.status(LocalDate.parse("2026-06-14"))).isEqualTo(RectificationCase.Status.OVERDUE);
        assertThat(fixed.overdue(LocalDate.parse("2026-07-30"))).isFalse();

        CampaignFigures figures = CampaignFigures.of(List.of(unfixed, fixed), LocalDate.parse("2026-06-14"));
        assertThat(figures.total()).extracting("found", "fixed", "overdue").containsExactly(2, 1, 1);
        assertThat(figures.communities()).singleElement().extracting(CampaignFigures.Row::id).isEqualTo("c-a");
    }

    @Test
    void isPlannedBeforeItsFirstDayActiveFromItAndClosedOnce() {
        Campaign campaign = flyingLeads();
        assertThat(campaign.status(START.minusDays(1))).isEqualTo(Campaign.Status.PLANNED);
        assertThat(campaign.status(END.plusDays(5))).isEqualTo(Campaign.Status.ACTIVE);
        campaign.close(NO_CASES, "admin", NOW);
        assertThat(campaign.status(START)).isEqualTo(Campaign.Status.CLOSED);
        assertRefused(() -> campaign.close(NO_CASES, "admin", NOW), "wrong-step");
        assertRefused(() -> record(campaign, WEST, FOUND), "wrong-step");
        assertRefused(campaign::requireFixable, "wrong-step");
    }

    @Test
    void closingRecordsCampaignClosedWithTheFinalCountsAndNoPlaceOrPhoto() {
        Campaign campaign = flyingLeads();
        RectificationCase found = record(campaign, WEST, FOUND);

        campaign.close(CampaignFigures.of(List.of(found), END.plusDays(5)).total(), "admin", NOW);

        assertThat(campaign.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("CampaignClosed");
            assertThat(event.payload()).contains("\"found\":1", "\"fixed\":0", "\"overdue\":1",
                    "\"hazard\":\"FLYING_LEAD_CHARGING\"").doesNotContain("photo-123", "g-west");
        });
    }

    @Test
    void refusesAPeriodThatDoesNotEndAfterItStarts() {
        assertRefused(() -> launch(START, START), "invalid-campaign-period");
        assertRefused(() -> launch(START, START.minusDays(1)), "invalid-campaign-period");
        assertThat(launch(START, START.plusDays(1)).endsOn()).isEqualTo(START.plusDays(1));
    }

    private static Campaign flyingLeads() {
        return launch(START, END);
    }

    private static Campaign launch(LocalDate from, LocalDate to) {
        return Campaign.launch(Hazard.FLYING_LEAD_CHARGING, "飞线充电专项整治", new Area("s", "城东街道", "/s/"), from, to,
                3, "street-admin", "/s/", NOW);
    }

    private static RectificationCase record(Campaign campaign, CaseGrid grid, Instant foundAt) {
        return campaign.recordCase(grid, 36.205, 113.405, "3号楼2单元窗口飞线给电动车充电", "photo-123", foundAt, "wang", NOW,
                COUNTY);
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleViolation.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
