package org.linli.grid.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.linli.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Household imports", description = "住户导入: households of an external register in batches")
@RestController
@RequestMapping("/api/v1/households/imports")
class HouseholdImportController {

    static final int MAX_ENTRIES = 1000;

    private final HouseholdImports imports;

    HouseholdImportController(HouseholdImports imports) {
        this.imports = imports;
    }

    @Operation(summary = HouseholdSheetController.IMPORTS_SUMMARY,
            description = HouseholdSheetController.IMPORTS_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('COUNTY_ADMIN','STREET_ADMIN','COMMUNITY_ADMIN')")
    HouseholdImports.Result importEntries(Caller caller, @Valid @RequestBody ImportRequest request) {
        return imports.importEntries(caller, request.households());
    }

    /** A batch of register entries. */
    record ImportRequest(@NotNull @Size(min = 1, max = MAX_ENTRIES) List<HouseholdImports.Entry> households) {
    }
}
