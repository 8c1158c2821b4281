package org.linli.platform.web;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from the validated access token: account, roles and the org unit the
 * account is scoped to. An admin acts within the subtree under its unit; a county-wide account
 * (no unit) acts everywhere. Controllers take it as a parameter.
 *
 * @param accountId  the token's subject
 * @param username   login name, for display and audit
 * @param roles      roles without prefix ({@code COMMUNITY_ADMIN})
 * @param orgUnitId  the scope's unit, {@code null} for county-wide accounts
 * @param orgUnitPath the scope's path ({@code /a/b/}), {@code null} for county-wide accounts
 * @param companyId  for PROPERTY_STAFF, the property company (property-service's id) the account works for;
 *                   {@code null} otherwise
 */
public record Caller(String accountId, String username, Set<String> roles, String orgUnitId, String orgUnitPath,
                     String companyId) {

    /**
     * Request attribute holding the {@code Authentication} of a caller Spring Security refused (403) before any
     * controller ran, for those that record who was refused (the audit trail); the security context is gone by
     * the time the outermost filters see the answer.
     */
    public static final String REFUSED_AUTHENTICATION = Caller.class.getName() + ".refused";


    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_ORG_UNIT = "org_unit_id";
    public static final String CLAIM_ORG_UNIT_PATH = "org_unit_path";
    public static final String CLAIM_COMPANY = "company_id";

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM_ROLES);
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(CLAIM_USERNAME),
                roles == null ? Set.of() : Set.copyOf(roles),
                jwt.getClaimAsString(CLAIM_ORG_UNIT), jwt.getClaimAsString(CLAIM_ORG_UNIT_PATH),
                jwt.getClaimAsString(CLAIM_COMPANY));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller is a property company's staff member acting for {@code company}. */
    public boolean worksFor(String company) {
        return companyId != null && companyId.equals(company);
    }

    public boolean isCountyWide() {
        return orgUnitPath == null;
    }

    /** Whether a unit with this path lies within the caller's scope (its own unit or below). */
    public boolean covers(String unitPath) {
        return isCountyWide() || (unitPath != null && unitPath.startsWith(orgUnitPath));
    }
}
