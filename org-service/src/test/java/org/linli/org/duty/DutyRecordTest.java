package org.linli.org.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;

class DutyRecordTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final UnitView ALLEY = new UnitView("alley-1", OrgUnitType.GRID_BRANCH, "东海一巷党支部",
            "/street-1/community-1/alley-1/", true);
    private static final DutyAssignment CHIEF = DutyAssignment.assign("chief-1", "吉妹凤", DutyRole.ALLEY_CHIEF, ALLEY,
            "admin", DutyQuotaTest.NOW);
    private static final DutyQuota QUOTA = DutyQuotaTest.sanBangWuDu(YearMonth.of(2026, 10));

    private static DutyRecord record(String kind, LocalDate doneOn) {
        return DutyRecord.record(CHIEF, QUOTA, kind, doneOn, "清理巷口垃圾", "东海一巷3号", "chief-1", TODAY,
                DutyQuotaTest.NOW);
    }

    @Test
    void recordsADutyOfTheQuotaUnderTheHoldersUnitAndMonth() {
        DutyRecord record = record("SUPERVISE_SANITATION", TODAY.minusDays(31));

        assertThat(record.label()).isEqualTo("监督环境卫生");
        assertThat(record.month()).isEqualTo("2026-10");
        assertThat(record.unitPath()).isEqualTo(ALLEY.path());
        assertThat(record.done()).isEqualTo(new DutyCompletion.Done(DutyRole.ALLEY_CHIEF, "SUPERVISE_SANITATION",
                YearMonth.of(2026, 10)));
    }

    @Test
    void refusesAKindNotInTheQuotaAFutureDateAndADateOlderThan31Days() {
        assertThatThrownBy(() -> record("GRID_VISIT", TODAY))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "duty-kind-not-in-quota");
        assertThatThrownBy(() -> record("SUPERVISE_SANITATION", TODAY.plusDays(1)))
                .hasFieldOrPropertyWithValue("code", "duty-date-in-future");
        assertThatThrownBy(() -> record("SUPERVISE_SANITATION", TODAY.minusDays(32)))
                .hasFieldOrPropertyWithValue("code", "duty-date-too-old");
        assertThatThrownBy(() -> DutyRecord.record(CHIEF, null, "SUPERVISE_SANITATION", TODAY, "x", null, "chief-1",
                TODAY, DutyQuotaTest.NOW)).hasFieldOrPropertyWithValue("code", "no-duty-quota");
    }

    @Test
    void theNearestQuotaAboveTheHolderForItsRoleApplies() {
        UnitView community = new UnitView("community-1", OrgUnitType.COMMUNITY_COMMITTEE, "东海社区党委",
                "/street-1/community-1/", true);
        DutyQuota communityQuota = DutyQuota.define(community, DutyRole.ALLEY_CHIEF, null,
                java.util.List.of(new DutyItem("PATROL", "巡巷", 8, DutyPeriod.MONTH)), DutyQuotaTest.NOVEMBER,
                DutyQuotaTest.NOVEMBER, "a", DutyQuotaTest.NOW);
        DutyQuota otherRole = DutyQuota.define(ALLEY, DutyRole.GRID_WORKER, DutyTemplate.SI_GE_YI,
                DutyTemplate.SI_GE_YI.items(), DutyQuotaTest.NOVEMBER, DutyQuotaTest.NOVEMBER, "a", DutyQuotaTest.NOW);

        assertThat(DutyService.quotaOf(CHIEF, java.util.List.of(QUOTA, communityQuota, otherRole)))
                .isSameAs(communityQuota);
        assertThat(DutyService.quotaOf(CHIEF, java.util.List.of(otherRole))).isNull();
    }
}
