package org.linli.property.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class SupervisorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void oneAppointmentPerResidentAndCompoundWhichMayBeRenewedAfterADismissal() {
        Supervisor supervisor = Supervisor.appoint("c1", "/s/c/", "resident-1", " 王监督 ", TODAY, "admin", NOW);
        assertThat(supervisor.id()).isEqualTo(Supervisor.idOf("c1", "resident-1"));
        assertThat(supervisor.name()).isEqualTo("王监督");
        assertThat(supervisor.active()).isTrue();
        assertThatThrownBy(() -> supervisor.reappoint("王监督", TODAY, "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("already-supervisor"));

        supervisor.dismiss(TODAY.plusDays(30), "admin", NOW);
        assertThat(supervisor.active()).isFalse();
        assertThat(supervisor.dismissedOn()).isEqualTo(TODAY.plusDays(30));
        assertThatThrownBy(() -> supervisor.dismiss(TODAY.plusDays(31), "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo("not-a-supervisor"));

        supervisor.reappoint("王监督", TODAY.plusDays(60), "admin", NOW);
        assertThat(supervisor.active()).isTrue();
        assertThat(supervisor.appointedOn()).isEqualTo(TODAY.plusDays(60));
        assertThat(supervisor.pendingEvents()).extracting(PendingEvent::type).containsExactly(
                "PropertySupervisorAppointed", "PropertySupervisorDismissed", "PropertySupervisorAppointed");
        assertThat(supervisor.pendingEvents()).extracting(PendingEvent::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(supervisor.pendingEvents()).extracting(PendingEvent::payload)
                .allSatisfy(payload -> assertThat(payload).contains("\"accountId\":\"resident-1\"")
                        .doesNotContain("王监督"));
    }
}
