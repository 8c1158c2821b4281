package org.linli.org.unit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
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

    /** The unit, or 404 {@code org-unit}. */
    public UnitView require(String unitId) {
        return find(unitId).orElseThrow(() -> new NotFoundException("org-unit", unitId));
    }

    /** The unit when the caller's scope covers it: 404 when unknown, 403 when outside the scope. */
    public UnitView visibleTo(Caller caller, String unitId) {
        UnitView unit = require(unitId);
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("org unit " + unitId + " is outside the caller's scope");
        }
        return unit;
    }

    /** The units with these ids that exist, in no particular order (one {@code _id} lookup). */
    public List<UnitView> findAll(Collection<String> unitIds) {
        return StreamSupport.stream(units.findAllById(unitIds).spliterator(), false).map(UnitView::of).toList();
    }

    /**
     * The active units of {@code type} below {@code unit} at any depth (not itself), by name; at most {@code max + 1}
     * are read, so a caller can tell "more than {@code max}" (by the {@code type_path} index).
     */
    public List<UnitView> activeBelow(UnitView unit, OrgUnitType type, int max) {
        return units.findByTypeAndPathStartingWithAndIdNot(type, unit.path(), unit.id(),
                        PageRequest.of(0, max + 1, Sort.by("name"))).stream()
                .filter(OrgUnit::isActive).map(UnitView::of).toList();
    }

    /** An org unit as other features see it. */
    public record UnitView(String id, OrgUnitType type, String name, String path, boolean active) {

        static UnitView of(OrgUnit unit) {
            return new UnitView(unit.id(), unit.type(), unit.name(), unit.path(), unit.isActive());
        }
    }
}
