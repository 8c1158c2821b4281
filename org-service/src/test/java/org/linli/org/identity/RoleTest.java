package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.Roles;

class RoleTest {

    @Test
    void everyAccountRoleIsANameTheServicesAuthoriseBy() {
        assertThat(Arrays.stream(Role.values()).map(Role::name))
                .allSatisfy(role -> assertThat(Roles.class.getField(role).get(null)).isEqualTo(role));
    }
}
