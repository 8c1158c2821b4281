package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingParametersTest {

    private final PagingParameters paging = new PagingParameters(200);

    private static String[] values(String... values) {
        return values;
    }

    @Test
    void acceptsAbsentAndOrdinaryParameters() {
        assertThatCode(() -> paging.check(null, null, null)).doesNotThrowAnyException();
        assertThatCode(() -> paging.check(values("0"), values("200"), values("name", "createdAt,DESC", "a.b,asc,ignorecase")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesPagesThatAreNotWholeNumbersOrTooFar() {
        for (String page : new String[] {"abc", "-1", "1.5", "", " 1", "99999999999", "1000001"}) {
            assertThatThrownBy(() -> paging.check(values(page), null, null))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
        }
    }

    @Test
    void refusesSizesOutsideOneToTheMaximumInsteadOfClamping() {
        for (String size : new String[] {"0", "201", "abc", "1e3", "-5"}) {
            assertThatThrownBy(() -> paging.check(null, values(size), null))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
        }
    }

    @Test
    void refusesSortsThatAreNotPlainFieldsWithADirection() {
        for (String sort : new String[] {"", ",", "name,,desc", "$where", "a;b", "../x", "{\"$gt\":\"\"}"}) {
            assertThat(PagingParameters.isSort(sort)).as(sort).isFalse();
        }
        assertThat(PagingParameters.isSort("issuedAt,desc")).isTrue();
    }
}
