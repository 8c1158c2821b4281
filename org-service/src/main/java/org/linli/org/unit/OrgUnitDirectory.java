package org.linli.org.unit;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What other features of org-service may know about org units (members, committees, accounts):
 * a read-only view by id, without reaching into the unit package's repository.
 */
@Component
public class OrgUnitDirectory {

    private final OrgUnitRepository units;

    OrgUnitDirectory(OrgUnitRepository units) {
        this.units = units;
    }

    public Optional<UnitView> find(String unitId) {
        return units.findById(unitId).map(UnitView::of);
    }

    /** An org unit as other features see it. */
    public record UnitView(String id, OrgUnitType type, String name, String path, boolean active) {

        static UnitView of(OrgUnit unit) {
            return new UnitView(unit.id(), unit.type(), unit.name(), unit.path(), unit.isActive());
        }
    }
}
