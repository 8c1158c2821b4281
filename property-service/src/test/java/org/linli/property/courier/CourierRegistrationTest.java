package org.linli.property.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;

class CourierRegistrationTest {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    static CourierRegistration pending() {
        return CourierRegistration.register("account-rider", " 王师傅 ", CourierKind.FOOD_RIDER, "美团",
                new MobileNumber("13812345678"), new CourierRegistration.Area("community-a", "檀溪社区党委",
                        "/street/community-a/"), "account-rider", NOW);
    }

    @Test
    void aNewRegistrationIsPendingWithItsDetails() {
        CourierRegistration registration = pending();

        assertThat(registration.status()).isEqualTo(CourierRegistration.Status.PENDING);
        assertThat(registration.personName()).isEqualTo("王师傅");
        assertThat(registration.phone().masked()).isEqualTo("138****5678");
        assertThat(registration.heldBy("account-rider")).isTrue();
        assertThat(registration.pushDue()).isFalse();
    }

    @Test
    void refusesABlankName() {
        assertThatThrownBy(() -> CourierRegistration.register(null, " ", CourierKind.COURIER, "顺丰",
                new MobileNumber("13812345678"), new CourierRegistration.Area("c", "c", "/s/c/"), "staff", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("invalid-courier-name"));
    }

    @Test
    void verificationLeavesThePushDueUntilItIsPushed() {
        CourierRegistration registration = pending();

        registration.verify("admin", NOW);
        assertThat(registration.status()).isEqualTo(CourierRegistration.Status.VERIFIED);
        assertThat(registration.review().verified()).isTrue();
        assertThat(registration.pushDue()).isTrue();

        registration.verify("admin", NOW); // resumes an interrupted push
        registration.pushed(3, NOW);
        assertThat(registration.pushDue()).isFalse();
        assertThat(registration.pushedCompounds()).isEqualTo(3);
    }

    @Test
    void theVerificationIsRecordedOnceWhenItsPushIsDoneWithoutNameOrPhone() {
        CourierRegistration registration = pending();
        registration.verify("admin", NOW);
        assertThat(registration.pendingEvents()).isEmpty();

        registration.pushed(2, NOW);

        assertThat(registration.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("CourierVerified");
            assertThat(event.payload()).doesNotContain(registration.personName(), "phone");
        });
    }

    @Test
    void aPushedRegistrationIsNotVerifiedAgain() {
        CourierRegistration registration = pending();
        registration.verify("admin", NOW);
        registration.pushed(1, NOW);

        assertThatThrownBy(() -> registration.verify("admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("wrong-step"));
    }

    @Test
    void aRejectionNeedsItsReasonAndEndsTheRegistration() {
        CourierRegistration registration = pending();

        assertThatThrownBy(() -> registration.reject("  ", "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("reason-required"));
        registration.reject("电话无法接通", "admin", NOW);

        assertThat(registration.status()).isEqualTo(CourierRegistration.Status.REJECTED);
        assertThat(registration.review().reason()).isEqualTo("电话无法接通");
        assertThat(registration.open()).isFalse();
        assertThatThrownBy(() -> registration.verify("admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("wrong-step"));
        assertThatThrownBy(() -> registration.pushed(1, NOW)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aVerifiedRegistrationCannotBeRejected() {
        CourierRegistration registration = pending();
        registration.verify("admin", NOW);

        assertThatThrownBy(() -> registration.reject("重复登记", "admin", NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("wrong-step"));
    }
}
