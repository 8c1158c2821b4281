package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class AdministratorDutiesTest {

    private final AdministratorDuties duties = new AdministratorDuties();

    @Test
    void confinesTheAuditAdministratorToTheAuditTrail() {
        assertThat(allowed("AUDIT_ADMIN", "/api/v1/audit-trails/issue/records")).isTrue();
        assertThat(allowed("AUDIT_ADMIN", "/api/v1/org-units")).isFalse();
        assertThat(allowed("AUDIT_ADMIN", "/api/v1/accounts")).isFalse();
        assertThat(allowed("AUDIT_ADMIN", "/api/v1/activities")).isFalse();
    }

    @Test
    void keepsTheSystemAndSecurityAdministratorsOutOfTheAuditTrailAndTheBusiness() {
        assertThat(allowed("SYSTEM_ADMIN", "/api/v1/accounts/42/deactivation")).isTrue();
        assertThat(allowed("SYSTEM_ADMIN", "/api/v1/audit-trails/org/records")).isFalse();
        assertThat(allowed("SYSTEM_ADMIN", "/api/v1/signing-keys/rotation")).isFalse();
        assertThat(allowed("SECURITY_ADMIN", "/api/v1/signing-keys/rotation")).isTrue();
        assertThat(allowed("SECURITY_ADMIN", "/api/v1/audit-trails/org/verification")).isFalse();
        assertThat(allowed("SECURITY_ADMIN", "/api/v1/issues")).isFalse();
    }

    @Test
    void letsEveryDutyChangeItsPasswordAndSeeItsOwnData() {
        assertThat(allowed("AUDIT_ADMIN", "/api/v1/personal-data")).isTrue();
        assertThat(allowed("SYSTEM_ADMIN", "/api/v1/audit-trails/grid/reads-of-me")).isTrue();
        assertThat(allowed("SECURITY_ADMIN", "/api/v1/auth/password-policy")).isTrue();
    }

    @Test
    void leavesBusinessAccountsToTheServicesOwnChecks() {
        assertThat(allowed("COUNTY_ADMIN", "/api/v1/org-units")).isTrue();
        assertThat(allowed("RESIDENT", "/api/v1/activities")).isTrue();
    }

    @Test
    void refusesAnonymousCallers() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(duties.authorize(() -> anonymous, context("/api/v1/issues")).isGranted()).isFalse();
    }

    private boolean allowed(String role, String path) {
        Authentication caller = new TestingAuthenticationToken("someone", null, "ROLE_" + role);
        return duties.authorize(() -> caller, context(path)).isGranted();
    }

    private static RequestAuthorizationContext context(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        return new RequestAuthorizationContext(request);
    }
}
