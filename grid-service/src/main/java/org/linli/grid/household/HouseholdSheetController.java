package org.linli.grid.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Stream;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.sheets.SheetMedia;
import org.linli.platform.sheets.SheetWriter;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Household sheets", description = "住户花名册 in Excel: the template, importing a sheet, exporting the list")
@RestController
@RequestMapping("/api/v1/households")
class HouseholdSheetController {

    /**
     * One path, two bodies: OpenAPI has one operation per path and method, so the JSON register import
     * ({@link HouseholdImportController}) and the sheet import share this summary and description.
     */
    static final String IMPORTS_SUMMARY = "Import households: an external register's batch (JSON) or a roster sheet "
            + "(multipart part `file`, xlsx as the template or an export)";
    static final String IMPORTS_DESCRIPTION = "**Sheet (multipart/form-data).** Roles and scope as registering one "
            + "household: admins and GRID_WORKER (403 others); a row naming a building outside the caller's scope "
            + "refuses the whole upload (403). Each row is checked by the rules of a single registration; 外部编号 "
            + "(register id) is optional, a known one or one repeated in the sheet is a bad row (already-registered, "
            + "duplicate-in-sheet). By default a bad row refuses the sheet and nothing is stored: 422 "
            + "sheet-rows-invalid with rows [{row, field, code, reason}], or with `Accept: " + SheetMedia.XLSX_VALUE
            + "` the bad rows as a sheet with 错误原因. ?mode=valid-rows stores the good rows and answers 200 "
            + "{rows, stored, rejected} (or the bad rows as xlsx). At most 5,000 rows (413 sheet-too-many-rows) and "
            + "2 MB (413); not an xlsx file 415 not-a-spreadsheet; a header row without a required column 400 "
            + "sheet-columns-missing; 400 an unknown mode. Publishes HouseholdRegistered per stored household.\n\n"
            + "**Register batch (application/json).** Up to 1000 entries into existing buildings; roles "
            + "COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (GRID_WORKER 403); each entry's building must lie in the "
            + "caller's scope (per-row error outside-scope). Idempotent by registerId: an entry seen before answers "
            + "`duplicate`. Per-row errors {index, registerId, code, detail}; the others are imported; answers 200 "
            + "{imported, duplicates, errors, rows}. 400 without entries or with more than 1000; 413 over 1 MB. "
            + "Publishes HouseholdRegistered per household.\n\nBoth take an Idempotency-Key as other POSTs.";

    private final HouseholdService households;

    HouseholdSheetController(HouseholdService households) {
        this.households = households;
    }

    @Operation(summary = "Download the households sheet template (xlsx: Chinese headers and one example row)",
            description = "Roles: admins and GRID_WORKER (those who may import); others 403.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/sheet-template", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<byte[]> householdSheetTemplate() {
        return SheetMedia.template(HouseholdSheet.LAYOUT, "住户导入模板.xlsx");
    }

    @Operation(summary = "Export the households list as a sheet (xlsx, streamed)",
            description = "Roles, scope and filters as the list (?gridId= 404 unknown / 403 outside the scope, "
                    + "?buildingId=, ?keyOnly=true); admins, GRID_WORKER, PARTY_MEMBER, others 403. Phones masked "
                    + "(138****5678) except for admins and grid workers. 外部编号 holds the register id, or the Linli id "
                    + "of a household without one; imported again, such rows are refused as already-registered.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/export", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    void exportHouseholds(Caller caller, @RequestParam(required = false) String gridId,
                          @RequestParam(required = false) String buildingId,
                          @RequestParam(defaultValue = "false") boolean keyOnly, HttpServletResponse response)
            throws IOException {
        try (Stream<Household> found = households.stream(caller, gridId, buildingId, keyOnly);
             SheetWriter writer = new SheetWriter(HouseholdSheet.LAYOUT, false)) {
            boolean[] unmasked = {false};
            found.forEach(household -> {
                boolean full = HouseholdService.seesPhone(caller, household);
                unmasked[0] |= full && household.phone() != null;
                writer.row(HouseholdSheet.row(household, full ? household.phone() : Household.masked(household.phone())),
                        null);
            });
            if (unmasked[0]) { // heads of household have no accounts: the audit record names the export, not each one
                UnmaskedReads.record(null, "household-export", gridId == null ? "scope" : gridId, "phone");
            }
            SheetMedia.download(response, "households.xlsx", writer);
        }
    }
}
