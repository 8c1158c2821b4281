package org.linli.org.dualregistration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 项目清单 as the dual-registration units see it: the livelihood projects they claimed there (认领), made of residents'
 * needs. The project feature, which already reads the units, implements it, so this feature names no project class
 * and the two stay free of a cycle.
 */
public interface ProjectList {

    /** The units holding a claim made in {@code year} that was not cancelled (承包制: at least one a year). */
    Set<String> unitsWithClaimsIn(int year);

    /** Per unit, its claims per year (years without any left out), by unit id; one read for a page of units. */
    Map<String, List<Year>> byYear(Collection<String> unitIds);

    /**
     * One unit's claims of a year.
     *
     * @param claimed claimed and not cancelled
     * @param done    of which done
     * @param overdue of which still running past the deadline today
     */
    record Year(int year, int claimed, int done, int overdue) {
    }
}
