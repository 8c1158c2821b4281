package org.linli.grid.copies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Org units (read copy)", description = "What grid-service knows of org units, from org events")
@RestController
class OrgUnitCopyController {

    private final OrgUnitCopies copies;

    OrgUnitCopyController(OrgUnitCopies copies) {
        this.copies = copies;
    }

    @Operation(summary = "grid-service's copy of an org unit",
            description = "Any signed-in account whose scope covers the unit (else 403); 404 until the unit's event has arrived.")
    @GetMapping("/api/v1/grids/org-units/{id}")
    OrgUnitCopyResponse get(Caller caller, @PathVariable String id) {
        return OrgUnitCopyResponse.of(covered(caller, id));
    }

    @Operation(summary = "grid-service's copies of the units directly under a unit",
            description = "Any signed-in account whose scope covers the parent (else 403); 404 until the parent's event "
                    + "has arrived; paged (?page, ?size ≤ 200) in id order. Shows which of a unit's children have reached "
                    + "grid-service.")
    @GetMapping("/api/v1/grids/org-units")
    PagedModel<OrgUnitCopyResponse> children(Caller caller, @RequestParam String parentId, Pageable pageable) {
        covered(caller, parentId);
        return new PagedModel<>(copies.children(parentId, pageable).map(OrgUnitCopyResponse::of));
    }

    private OrgUnitCopy covered(Caller caller, String id) {
        OrgUnitCopy copy = copies.find(id).orElseThrow(() -> new NotFoundException("org-unit", id));
        if (!caller.covers(copy.path())) {
            throw new AccessDeniedException("org unit outside the caller's scope");
        }
        return copy;
    }

    record OrgUnitCopyResponse(String id, String type, String name, String parentId, String path, boolean active,
                               Instant updatedAt) {

        static OrgUnitCopyResponse of(OrgUnitCopy copy) {
            return new OrgUnitCopyResponse(copy.id(), copy.unitType(), copy.name(), copy.parentId(), copy.path(),
                    copy.active(), copy.updatedAt());
        }
    }
}
