package org.linli.org.identity;

import java.util.EnumSet;
import java.util.Set;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * The separated administrator duties (三员分立): {@link Role#SYSTEM_ADMIN}, {@link Role#SECURITY_ADMIN} and
 * {@link Role#AUDIT_ADMIN}. A duty is exclusive: an account holding one holds no other role, and acts county-wide
 * (no org unit). The duties carry no business power; the other services let roles in by allow-list, which names none.
 */
final class Duties {

    static final Set<Role> ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    private Duties() {
    }

    static boolean isDuty(Role role) {
        return ROLES.contains(role);
    }

    static boolean anyDuty(Set<Role> roles) {
        return roles.stream().anyMatch(Duties::isDuty);
    }

    /** Refuses a role set that mixes a duty with another role, or a duty tied to an org unit. */
    static void checkExclusive(Set<Role> roles, String orgUnitId) {
        if (anyDuty(roles) && (roles.size() > 1 || orgUnitId != null)) {
            throw new BusinessRuleViolation("duty-roles-exclusive", "SYSTEM_ADMIN, SECURITY_ADMIN and AUDIT_ADMIN are "
                    + "held alone, county-wide (no other role, no orgUnitId)");
        }
    }
}
