package org.linli.org.unit;

import java.util.Set;
import java.util.TreeSet;

/**
 * The grids, compounds and property companies a unit serves: references to other services'
 * aggregates, kept as ids.
 */
public record UnitLinks(Set<String> gridIds, Set<String> compoundIds, Set<String> propertyCompanyIds) {

    public static final UnitLinks NONE = new UnitLinks(Set.of(), Set.of(), Set.of());

    public UnitLinks {
        gridIds = sorted(gridIds);
        compoundIds = sorted(compoundIds);
        propertyCompanyIds = sorted(propertyCompanyIds);
    }

    private static Set<String> sorted(Set<String> ids) {
        return ids == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(ids));
    }

}
