package org.linli.property.compound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class CompoundClassTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final Compound.Community COMMUNITY = new Compound.Community("community", "/s/community/");

    private static Compound register(CompoundKind kind, CompoundClass compoundClass, String unitId) {
        return Compound.register("小区", kind, new Compound.Responsibility(compoundClass, unitId), COMMUNITY, null, 100,
                31.3, 118.4, NOW);
    }

    @Test
    void theClassFollowsTheKindUnlessGivenAndTravelsInCompoundCreated() {
        assertThat(register(CompoundKind.COMMERCIAL, null, null).compoundClass()).isEqualTo(CompoundClass.COMMERCIAL);
        assertThat(register(CompoundKind.VILLAGE_BUILT, null, null).compoundClass())
                .isEqualTo(CompoundClass.OLD_OR_UNMANAGED);
        Compound oldCommercial = register(CompoundKind.COMMERCIAL, CompoundClass.OLD_OR_UNMANAGED, null);
        assertThat(oldCommercial.compoundClass()).isEqualTo(CompoundClass.OLD_OR_UNMANAGED);

        Compound workUnit = register(CompoundKind.WORK_UNIT, null, "employer-unit");
        assertThat(workUnit.responsibleUnitId()).isEqualTo("employer-unit");
        assertThat(workUnit.pendingEvents().get(0).payload()).contains("\"compoundClass\":\"WORK_UNIT\"")
                .contains("\"responsibleUnitId\":\"employer-unit\"");
    }

    @Test
    void onlyAWorkUnitCompoundNamesAResponsibleUnit() {
        assertThatThrownBy(() -> register(CompoundKind.COMMERCIAL, null, "employer-unit"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-responsible-unit"));
    }
}
