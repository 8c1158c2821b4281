package org.linli.property.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class AccessRequestTest {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    static AccessRequest pending() {
        return AccessRequest.of("registration-1", "compound-1", "檀溪花园", NOW);
    }

    @Test
    void isKeyedByRegistrationAndCompoundSoAPushCreatesItOnce() {
        assertThat(pending().id()).isEqualTo("registration-1:compound-1");
        assertThat(pending().status()).isEqualTo(AccessRequest.Status.PENDING);
    }

    @Test
    void aGrantIsRecordedWithWhoAndWhen() {
        AccessRequest request = pending();

        request.decide(true, " ", "staff-1", NOW);

        assertThat(request.status()).isEqualTo(AccessRequest.Status.GRANTED);
        assertThat(request.decision()).isEqualTo(new AccessRequest.Decision(true, null, "staff-1", NOW));
    }

    @Test
    void aRefusalNeedsItsReason() {
        AccessRequest request = pending();

        assertThatThrownBy(() -> request.decide(false, null, "staff-1", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("reason-required"));
        request.decide(false, "人脸库已满", "staff-1", NOW);

        assertThat(request.status()).isEqualTo(AccessRequest.Status.REFUSED);
        assertThat(request.decision().reason()).isEqualTo("人脸库已满");
    }

    @Test
    void isDecidedOnce() {
        AccessRequest request = pending();
        request.decide(true, null, "staff-1", NOW);

        assertThatThrownBy(() -> request.decide(false, "改变主意", "staff-2", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("wrong-step"));
        assertThat(request.decision().by()).isEqualTo("staff-1");
    }

    @Test
    void aReasonHasABound() {
        assertThatThrownBy(() -> pending().decide(true, "x".repeat(AccessRequest.MAX_REASON + 1), "staff-1", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("reason-too-long"));
    }
}
