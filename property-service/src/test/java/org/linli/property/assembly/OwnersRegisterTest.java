package org.linli.property.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class OwnersRegisterTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void oneBuyersThreeUnitsCountOnceAndTheDevelopersUnsoldUnitsCountOnce() {
        OwnersRegister register = new OwnersRegister("compound-1");
        register.replace("某置业有限公司", List.of(owner("zhang", "account-zhang", false), owner("li", null, false)),
                List.of(unit("1-101", 900_000, "zhang"), unit("1-102", 900_000, "zhang"), unit("1-103", 1_000_000, "zhang"),
                        unit("2-101", 1_200_000, "li"), developer("3-101", 800_000), developer("3-102", 800_000)),
                "admin", NOW);

        assertThat(register.voters()).extracting(OwnersRegister.Voter::key)
                .containsExactly("zhang", "li", OwnersRegister.DEVELOPER);
        assertThat(register.voters().get(0).units()).isEqualTo(3);
        assertThat(register.voters().get(0).areaCm2()).isEqualTo(2_800_000);
        assertThat(register.voters().get(2).areaCm2()).isEqualTo(1_600_000);
        assertThat(register.voters().get(2).name()).isEqualTo("某置业有限公司");
    }

    @Test
    void aRegisterRefusesUnknownOwnersDuplicatesAndCommitteeMembersWithoutAccount() {
        OwnersRegister register = new OwnersRegister("compound-1");
        assertCode(() -> register.replace(null, List.of(owner("zhang", null, false)),
                List.of(unit("1-101", 1, "wang")), "admin", NOW), "unknown-owner");
        assertCode(() -> register.replace(null, List.of(owner("zhang", null, false), owner("zhang", null, false)),
                List.of(), "admin", NOW), "duplicate-owner");
        assertCode(() -> register.replace(null, List.of(owner("zhang", null, false)),
                List.of(unit("1-101", 1, "zhang"), unit("1-101", 2, "zhang")), "admin", NOW), "duplicate-unit");
        assertCode(() -> register.replace(null, List.of(owner("zhang", null, true)), List.of(), "admin", NOW),
                "committee-member-without-account");
        assertCode(() -> register.replace(null, List.of(owner("zhang", "a", false), owner("li", "a", false)),
                List.of(), "admin", NOW), "duplicate-owner-account");
        assertCode(() -> register.replace(null, List.of(owner("zhang", null, false)),
                List.of(new OwnersRegister.Unit("1-101", 1, "zhang", true)), "admin", NOW), "unit-owner-required");
        assertThat(register.voters()).isEmpty();
    }

    @Test
    void anAreaIsKeptExactlyInSquareCentimetres() {
        assertThat(OwnersRegister.squareCentimetres("1-101", new BigDecimal("89.3725"))).isEqualTo(893_725);
        assertThat(OwnersRegister.squareCentimetres("1-101", new BigDecimal("120"))).isEqualTo(1_200_000);
        assertCode(() -> OwnersRegister.squareCentimetres("1-101", new BigDecimal("89.37251")), "invalid-area");
        assertCode(() -> OwnersRegister.squareCentimetres("1-101", BigDecimal.ZERO), "invalid-area");
    }

    static OwnersRegister.Owner owner(String id, String account, boolean committee) {
        return new OwnersRegister.Owner(id, id + "业主", account, committee);
    }

    static OwnersRegister.Unit unit(String number, long areaCm2, String owner) {
        return new OwnersRegister.Unit(number, areaCm2, owner, false);
    }

    static OwnersRegister.Unit developer(String number, long areaCm2) {
        return new OwnersRegister.Unit(number, areaCm2, null, true);
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
