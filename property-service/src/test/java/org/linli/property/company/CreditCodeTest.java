package org.linli.property.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.platform.domain.BusinessRuleViolation;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG", "914403001922038216", "91330100799655058B",
            "91110000100006485K"})
    void acceptsRealRegisteredCodes(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo(code);
    }

    @Test
    void acceptsLowerCaseAndBlanksAsTyped() {
        assertThat(CreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030071526726XA", "914403001922038217", "91350100M000100Y4", "91350100M000100Y433",
            "91350100M0001OOY43", "9I350100M000100Y43", ""})
    void refusesAWrongCheckCharacterLengthOrCharacter(String code) {
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-credit-code"));
    }

    @Test
    void computesTheCheckCharacterOfTheFirstSeventeen() {
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.checkCharacter("9144030071526726X")).isEqualTo('G');
    }
}
