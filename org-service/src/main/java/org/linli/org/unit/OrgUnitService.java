package org.linli.org.unit;

import java.time.Clock;
import org.linli.platform.web.Caller;
import org.linli.platform.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Creates and reads org units within the caller's org scope. */
@Service
class OrgUnitService {

    private final OrgUnitRepository units;
    private final Clock clock;

    OrgUnitService(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    OrgUnit create(Caller caller, OrgUnitType type, String name, String parentId) {
        if (parentId == null) {
            if (!caller.isCountyWide()) {
                throw new AccessDeniedException("only county-wide accounts create top units");
            }
            return units.save(OrgUnit.root(type, name, clock.instant()));
        }
        OrgUnit parent = visible(caller, parentId);
        return units.save(parent.createChild(type, name, clock.instant()));
    }

    OrgUnit get(Caller caller, String id) {
        return visible(caller, id);
    }

    Page<OrgUnit> list(Caller caller, String parentId, Pageable pageable) {
        if (parentId != null) {
            visible(caller, parentId);
            return units.findByParentId(parentId, pageable);
        }
        return caller.isCountyWide() ? units.findAll(pageable)
                : units.findByPathStartingWith(caller.orgUnitPath(), pageable);
    }

    private OrgUnit visible(Caller caller, String id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("org-unit", id));
        if (!caller.covers(unit.path())) {
            throw new AccessDeniedException("org unit " + id + " is outside the caller's scope");
        }
        return unit;
    }
}
