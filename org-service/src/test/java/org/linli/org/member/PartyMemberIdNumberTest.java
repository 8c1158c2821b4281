package org.linli.org.member;

import org.linli.platform.domain.MobileNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.platform.domain.BusinessRuleViolation;

class PartyMemberIdNumberTest {

    @Test
    void acceptsANumberWhoseCheckCharacterIsX() {
        assertThat(new IdNumber("11010519491231002X").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsALowerCaseXAndStoresItUpperCase() {
        assertThat(new IdNumber(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsTheFixtureNumbers() {
        assertThat(PartyMemberMother.VALID_ID_NUMBERS).allSatisfy(number ->
                assertThat(new IdNumber(number).value()).isEqualTo(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021",  // wrong check character (X expected)
            "11010519491231002",   // 17 characters
            "11010519491231002XX", // 19 characters
            "110105194902310026",  // 31 February, with a correct check character
            "110105184912310020",  // born 1849, with a correct check character
            "010105194912310026",  // region code starting with 0, with a correct check character
            "1101051949123100A2",  // a letter among the digits
            ""})
    void refusesAnInvalidNumber(String number) {
        assertThatThrownBy(() -> new IdNumber(number)).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).code()).isEqualTo("invalid-id-number"));
    }

    @Test
    void refusesNoNumber() {
        assertThatThrownBy(() -> new IdNumber(null)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void masksAllButTheFirstAndLastFourCharactersAlsoInToString() {
        IdNumber number = new IdNumber("420602198803101017");

        assertThat(number.masked()).isEqualTo("4206**********1017");
        assertThat(number.toString()).isEqualTo("4206**********1017").doesNotContain("19880310");
    }

    @Test
    void masksTheMiddleOfAMobileNumberAlsoInToString() {
        MobileNumber phone = new MobileNumber("13812345678");

        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).isEqualTo("138****5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1381234567", "138123456789", "12812345678", "23812345678", "138-1234-567"})
    void refusesAnInvalidMobileNumber(String number) {
        assertThatThrownBy(() -> new MobileNumber(number)).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).code()).isEqualTo("invalid-phone"));
    }
}
