package org.linli.org.unit;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Lets other features of org-service resolve a unit's path (for scoping accounts) without reaching into units. */
@Component
public class OrgUnitPaths {

    private final OrgUnitRepository units;

    OrgUnitPaths(OrgUnitRepository units) {
        this.units = units;
    }

    public Optional<String> pathOf(String unitId) {
        return units.findById(unitId).map(OrgUnit::path);
    }
}
