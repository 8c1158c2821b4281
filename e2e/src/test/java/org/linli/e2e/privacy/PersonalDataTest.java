package org.linli.e2e.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void findsAValidIdNumberAndAMobileNumberAndReportsThemMasked() {
        assertThat(PersonalData.findIn("registered 11010519491231002X, phone=13912345678 电话13800138000。"))
                .extracting(PersonalData.Match::toString)
                .containsExactly("id-number 1101**********002X", "mobile 139****5678", "mobile 138****8000");
    }

    @Test
    void ignoresIdNumbersWithAWrongCheckCharacterOrBirthDate() {
        assertThat(PersonalData.findIn("110105194912310021 110105194913310028")).isEmpty();
    }

    @Test
    void ignoresNumbersInsideLongerRunsIdsAndCiphertexts() {
        assertThat(PersonalData.findIn("epoch 1733412345678, 913912345678, id 3f2a13912345678b, "
                + "uuid 0c5e6f1a-1b2c-4d5e-8f90-139123456789, enc:1:AbX13912345678Qw")).isEmpty();
    }
}
