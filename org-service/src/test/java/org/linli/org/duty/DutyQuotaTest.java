package org.linli.org.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;

class DutyQuotaTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final UnitView STREET = new UnitView("street-1", OrgUnitType.STREET_COMMITTEE, "八所镇党委", "/street-1/", true);

    static DutyQuota sanBangWuDu(YearMonth from) {
        return DutyQuota.define(STREET, DutyRole.ALLEY_CHIEF, DutyTemplate.SAN_BANG_WU_DU,
                DutyTemplate.SAN_BANG_WU_DU.items(), from, NOVEMBER, "county-admin", NOW);
    }

    @Test
    void theShippedTemplatesListThreeHelpsAndFiveSupervisionsAndTheFourOnes() {
        assertThat(DutyTemplate.SAN_BANG_WU_DU.items()).extracting(DutyItem::label).containsExactly("帮解邻里纠纷",
                "帮助服务民生", "帮助治安防控", "监督环境卫生", "监督交通秩序", "监督市政设施", "监督违法建设", "监督园林绿化");
        assertThat(DutyTemplate.SAN_BANG_WU_DU.role()).isEqualTo(DutyRole.ALLEY_CHIEF);
        assertThat(DutyTemplate.SI_GE_YI.items()).hasSize(4);
        assertThat(DutyTemplate.SI_GE_YI.role()).isEqualTo(DutyRole.LINKED_CADRE);
    }

    @Test
    void anItemNeedsACodeALabelAndOneToAHundredPerPeriod() {
        assertThatThrownBy(() -> new DutyItem("patrol", "巡查", 1, DutyPeriod.MONTH))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-duty-item");
        assertThatThrownBy(() -> new DutyItem("PATROL", " ", 1, DutyPeriod.MONTH))
                .hasFieldOrPropertyWithValue("code", "invalid-duty-item");
        assertThatThrownBy(() -> new DutyItem("PATROL", "巡查", 0, DutyPeriod.MONTH))
                .hasFieldOrPropertyWithValue("code", "invalid-duty-item");
        assertThatThrownBy(() -> new DutyItem("PATROL", "巡查", 101, DutyPeriod.QUARTER))
                .hasFieldOrPropertyWithValue("code", "invalid-duty-item");
        assertThat(new DutyItem("PATROL", " 巡查 ", 100, DutyPeriod.QUARTER).label()).isEqualTo("巡查");
    }

    @Test
    void aQuotaHasOneToTwentyItemsOfDistinctKindsAndStartsNoEarlierThanLastMonth() {
        DutyItem patrol = new DutyItem("PATROL", "巡查", 4, DutyPeriod.MONTH);
        assertThatThrownBy(() -> DutyQuota.define(STREET, DutyRole.GRID_WORKER, null, List.of(), NOVEMBER, NOVEMBER,
                "a", NOW)).hasFieldOrPropertyWithValue("code", "invalid-duty-quota");
        assertThatThrownBy(() -> DutyQuota.define(STREET, DutyRole.GRID_WORKER, null, List.of(patrol, patrol),
                NOVEMBER, NOVEMBER, "a", NOW)).hasFieldOrPropertyWithValue("code", "invalid-duty-quota");
        assertThatThrownBy(() -> sanBangWuDu(NOVEMBER.minusMonths(2)))
                .hasFieldOrPropertyWithValue("code", "quota-start-too-early");

        assertThat(sanBangWuDu(NOVEMBER.minusMonths(1)).itemsFor(NOVEMBER.minusMonths(1))).hasSize(8);
        assertThat(sanBangWuDu(NOVEMBER).itemsFor(NOVEMBER.minusMonths(1))).isEmpty();
    }

    @Test
    void aRevisionAppliesFromTheNextMonthAndPastMonthsKeepTheirItems() {
        DutyQuota quota = sanBangWuDu(NOVEMBER);
        quota.revise(List.of(new DutyItem("SUPERVISE_SANITATION", "监督环境卫生", 8, DutyPeriod.MONTH)), NOVEMBER,
                "street-admin", NOW);

        assertThat(quota.item("SUPERVISE_SANITATION", NOVEMBER)).get().extracting(DutyItem::count).isEqualTo(4);
        assertThat(quota.item("SUPERVISE_SANITATION", NOVEMBER.plusMonths(1))).get().extracting(DutyItem::count)
                .isEqualTo(8);
        assertThat(quota.item("SUPERVISE_TRAFFIC", NOVEMBER)).isPresent();
        assertThat(quota.item("SUPERVISE_TRAFFIC", NOVEMBER.plusMonths(1))).isEmpty();
        assertThat(quota.versions()).extracting(DutyQuota.QuotaVersion::fromMonth).containsExactly("2026-11", "2026-12");
    }

    @Test
    void aQuarterlyItemKeepsTheQuotaInForceAtTheQuartersStartAndASecondRevisionReplacesAPendingOne() {
        DutyQuota quota = sanBangWuDu(YearMonth.of(2026, 10));
        quota.revise(List.of(new DutyItem("HELP_DISPUTES", "帮解邻里纠纷", 3, DutyPeriod.QUARTER)), NOVEMBER, "a", NOW);
        quota.revise(List.of(new DutyItem("HELP_DISPUTES", "帮解邻里纠纷", 2, DutyPeriod.QUARTER)), NOVEMBER, "a", NOW);

        assertThat(quota.versions()).hasSize(2);
        // December is in the quarter that began in October: measured by October's version
        assertThat(quota.item("HELP_DISPUTES", YearMonth.of(2026, 12))).get().extracting(DutyItem::count).isEqualTo(1);
        assertThat(quota.item("HELP_DISPUTES", YearMonth.of(2027, 1))).get().extracting(DutyItem::count).isEqualTo(2);
    }
}
