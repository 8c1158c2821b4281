package org.linli.org.project;

import java.util.List;
import java.util.Objects;
import org.linli.platform.web.Caller;
import org.springframework.dao.OptimisticLockingFailureException;

/** Who manages the lists (community admins and above, within their scope), and the version check of every change. */
final class Roles {

    static final String ADMINS = "hasAnyRole('COMMUNITY_ADMIN','STREET_ADMIN','COUNTY_ADMIN')";
    static final String COMMUNITY_PEOPLE = "hasAnyRole('RESIDENT','GRID_WORKER','PARTY_MEMBER','COMMUNITY_ADMIN',"
            + "'STREET_ADMIN','COUNTY_ADMIN')";
    private static final List<String> ADMIN_ROLES = List.of("COMMUNITY_ADMIN", "STREET_ADMIN", "COUNTY_ADMIN");

    private Roles() {
    }

    static boolean isAdmin(Caller caller) {
        return ADMIN_ROLES.stream().anyMatch(caller::hasRole);
    }

    /** 409 unless the stored version is the one the caller saw. */
    static void requireVersion(String what, Long stored, long seen) {
        if (!Objects.equals(stored, seen)) {
            throw new OptimisticLockingFailureException(what + " is at version " + stored + ", not " + seen);
        }
    }
}
