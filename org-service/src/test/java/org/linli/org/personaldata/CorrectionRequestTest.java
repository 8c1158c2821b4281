package org.linli.org.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.org.personaldata.CorrectionRequest.Answerer;
import org.linli.org.personaldata.CorrectionRequest.Correction;
import org.linli.org.personaldata.CorrectionRequest.Decision;
import org.linli.org.personaldata.CorrectionRequest.Requester;
import org.linli.org.personaldata.CorrectionRequest.Status;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.security.access.AccessDeniedException;

class CorrectionRequestTest {

    static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    static final String COMMUNITY = "/street-1/community-1/";

    @Test
    void aFiledRequestIsOpenAndRoutedToTheRequestersUnit() {
        CorrectionRequest request = filed();

        assertThat(request.status()).isEqualTo(Status.OPEN);
        assertThat(request.unitPath()).isEqualTo(COMMUNITY);
        assertThat(request.requestedBy("resident-1")).isTrue();
        assertThat(request.requestedBy("resident-2")).isFalse();
        assertThat(request.answeredAt()).isNull();
    }

    @Test
    void anAdminCoveringTheUnitAnswersCorrectedOnTheRecord() {
        CorrectionRequest request = filed();

        request.answer(admin("/street-1/"), Decision.CORRECTED, "已更正手机号", T0.plusSeconds(60));

        assertThat(request.status()).isEqualTo(Status.CORRECTED);
        assertThat(request.answer()).isEqualTo("已更正手机号");
        assertThat(request.answeredBy()).isEqualTo("admin-of-/street-1/");
        assertThat(request.answeredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anAdminOfAnotherCommunityMayNotAnswer() {
        CorrectionRequest request = filed();

        assertThatThrownBy(() -> request.answer(admin("/street-1/community-2/"), Decision.CORRECTED, null, T0))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(request.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void aRequestIsAnsweredOnlyOnce() {
        CorrectionRequest request = filed();
        request.answer(admin(COMMUNITY), Decision.REFUSED, "号码与户籍登记一致", T0);

        assertThatThrownBy(() -> request.answer(admin(COMMUNITY), Decision.CORRECTED, "改了", T0.plusSeconds(1)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("correction-request-answered"));
        assertThat(request.status()).isEqualTo(Status.REFUSED);
        assertThat(request.answer()).isEqualTo("号码与户籍登记一致");
    }

    @Test
    void aRefusalWithoutReasonsIsRefused() {
        CorrectionRequest request = filed();

        assertThatThrownBy(() -> request.answer(admin(COMMUNITY), Decision.REFUSED, "  ", T0))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("correction-refusal-unexplained"));
        assertThat(request.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void aCountyWideRequesterIsAnsweredOnlyByCountyWideAdmins() {
        CorrectionRequest request = CorrectionRequest.file("request-2",
                new Requester("staff-1", "housing.staff", null, null), correction(), T0);

        assertThatThrownBy(() -> request.answer(admin(COMMUNITY), Decision.CORRECTED, null, T0))
                .isInstanceOf(AccessDeniedException.class);
        request.answer(admin(null), Decision.CORRECTED, null, T0);
        assertThat(request.status()).isEqualTo(Status.CORRECTED);
    }

    private static CorrectionRequest filed() {
        return CorrectionRequest.file("request-1", new Requester("resident-1", "demo.resident", "community-1", COMMUNITY),
                correction(), T0);
    }

    private static Correction correction() {
        return new Correction(PersonalDataPart.ORG, "member-1", "phone", "13912345678", "号码已更换");
    }

    /** An admin scoped to {@code path}; {@code null} is county-wide, as {@code Caller.covers} reads it. */
    private static Answerer admin(String path) {
        return new Answerer() {
            @Override
            public String accountId() {
                return "admin-of-" + path;
            }

            @Override
            public boolean covers(String unitPath) {
                return path == null || (unitPath != null && unitPath.startsWith(path));
            }
        };
    }
}
