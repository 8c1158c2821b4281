package org.linli.org.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linli.org.appointment.CrossAppointment.NewAppointment;
import org.linli.platform.domain.BusinessRuleViolation;

class CrossAppointmentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    @Test
    void refusesAnEndThatIsNotAfterTheStart() {
        assertThatThrownBy(() -> start(START, START))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("appointment-end-not-after-start");
        assertThatThrownBy(() -> start(START, START.minusDays(1)))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("appointment-end-not-after-start");

        CrossAppointment ongoing = start(START, null);
        assertThatThrownBy(() -> ongoing.end(START.minusDays(3), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("appointment-end-not-after-start");
        assertThat(ongoing.endsOn()).isNull();
    }

    @Test
    void endingAnOngoingAppointmentRecordsCrossAppointmentEnded() {
        CrossAppointment appointment = start(START, null);

        appointment.end(LocalDate.of(2027, 6, 30), NOW);

        assertThat(appointment.endsOn()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(appointment.pendingEvents()).extracting(event -> event.type())
                .containsExactly("CrossAppointmentStarted", "CrossAppointmentEnded");
        assertThat(appointment.pendingEvents().get(1).payload()).contains("\"endsOn\":\"2027-06-30\"");
    }

    @Test
    void aPlannedEndCanBeBroughtForwardButNotPushedBack() {
        CrossAppointment appointment = start(START, LocalDate.of(2028, 11, 30));

        assertThatThrownBy(() -> appointment.end(LocalDate.of(2029, 1, 1), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("appointment-already-ended");
        appointment.end(LocalDate.of(2027, 5, 31), NOW);
        assertThat(appointment.endsOn()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThatThrownBy(() -> appointment.end(LocalDate.of(2027, 5, 31), NOW))
                .extracting(e -> ((BusinessRuleViolation) e).code()).isEqualTo("appointment-already-ended");
    }

    @Test
    void aPropertyCompanyBodyIsAlsoTheCompanyInvolved() {
        CrossAppointment appointment = start(START, null);

        assertThat(appointment.companyId()).isEqualTo("company-8");
        assertThat(appointment.pendingEvents().get(0).payload()).contains("\"companyId\":\"company-8\"",
                "\"bodyKind\":\"PROPERTY_COMPANY\"", "\"startsOn\":\"2026-12-01\"");
    }

    private static CrossAppointment start(LocalDate startsOn, LocalDate endsOn) {
        return CrossAppointment.start(new NewAppointment("张红梅", null, "独立监督员", BodyKind.PROPERTY_COMPANY,
                "company-8", null, "community-1", startsOn, endsOn), "/street-1/community-1/", NOW);
    }
}
