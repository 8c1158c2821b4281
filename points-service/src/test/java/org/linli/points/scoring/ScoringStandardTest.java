package org.linli.points.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class ScoringStandardTest {

    private static final ScoringDefaults COUNTY = new ScoringDefaults(10, 20, 10, 100);

    @Test
    void aPublishedRateReplacesTheDefaultOnlyForItsType() {
        ScoringStandard standard = ScoringStandard.defaults("c1", "/s/c1/", COUNTY);
        standard.publish(Map.of(ActivityType.MEDIATION, 25), 30, 15, 80, Instant.EPOCH);

        assertThat(standard.pointsPerHour(ActivityType.MEDIATION)).isEqualTo(25);
        assertThat(standard.pointsPerHour(ActivityType.CLEAN_UP)).isEqualTo(10);
        assertThat(standard.issueResolved()).isEqualTo(30);
        assertThat(standard.dailyCap()).isEqualTo(80);
    }

    @Test
    void refusesFiguresOutOfRangeAndAZeroCap() {
        ScoringStandard standard = ScoringStandard.defaults("c1", "/s/c1/", COUNTY);
        assertThatThrownBy(() -> standard.publish(Map.of(ActivityType.PATROL, 1001), 20, 10, 100, Instant.EPOCH))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-scoring");
        assertThatThrownBy(() -> standard.publish(Map.of(), 20, 10, 0, Instant.EPOCH))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "invalid-scoring");
        assertThat(standard.dailyCap()).isEqualTo(100);
    }
}
