package org.linli.issue.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MicroWishTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void aWishIsClaimedFulfilledAndOnlyTheConfirmationPublishes() {
        MicroWish wish = MicroWish.publish("一副老花镜", null, "community-1", "/s/community-1/", "resident-1", "张奶奶",
                null, T0);
        wish.claim(MicroWish.ClaimantKind.DUAL_REGISTRATION_UNIT, "unit-9", "县供电公司", T0.plusSeconds(60));
        wish.fulfil("已送到", T0.plusSeconds(120));
        assertThat(wish.pendingEvents()).isEmpty();

        wish.confirm(T0.plusSeconds(180));

        assertThat(wish.status()).isEqualTo(MicroWish.Status.CONFIRMED);
        assertThat(wish.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("MicroWishFulfilled");
            assertThat(event.payload()).contains("\"claimantKind\":\"DUAL_REGISTRATION_UNIT\"")
                    .contains("\"claimantId\":\"unit-9\"");
        });
    }

    @Test
    void refusesStepsOutOfOrder() {
        MicroWish wish = MicroWish.publish("t", null, "c", "/c/", "r", "n", null, T0);
        assertThatThrownBy(() -> wish.fulfil("x", T0)).extracting("code").isEqualTo("illegal-transition");
        assertThatThrownBy(() -> wish.confirm(T0)).extracting("code").isEqualTo("illegal-transition");
        wish.claim(MicroWish.ClaimantKind.PARTY_MEMBER, "member-1", "李", T0);
        wish.fulfil("x", T0);
        assertThatThrownBy(() -> wish.cancel(T0)).extracting("code").isEqualTo("illegal-transition");
    }
}
