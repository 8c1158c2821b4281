package org.linli.org.project;

import java.util.List;
import java.util.Objects;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;

/** Who manages the lists (community admins and above, within their scope), and the version check of every change. */
final class ListAccess {

    private static final List<String> ADMIN_ROLES = List.of(Roles.COMMUNITY_ADMIN, Roles.STREET_ADMIN, Roles.COUNTY_ADMIN);

    private ListAccess() {
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
