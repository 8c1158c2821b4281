package org.linli.grid.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.sheets.SheetImport;
import org.linli.platform.sheets.SheetMedia;
import org.linli.platform.sheets.SheetWriter;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Grid worker sheets", description = "网格员花名册 in Excel: the template, importing a sheet, exporting the list")
@RestController
@RequestMapping("/api/v1/grid-workers")
class GridWorkerSheetController {

    private final GridWorkerSheetImports imports;
    private final GridWorkerService workers;

    GridWorkerSheetController(GridWorkerSheetImports imports, GridWorkerService workers) {
        this.imports = imports;
        this.workers = workers;
    }

    @Operation(summary = "Download the grid workers sheet template (xlsx: Chinese headers and one example row)",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (those who may import); others 403.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/sheet-template", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<byte[]> gridWorkerSheetTemplate() {
        return SheetMedia.template(GridWorkerSheet.LAYOUT, "网格员导入模板.xlsx");
    }

    @Operation(summary = "Import a grid workers sheet (multipart part `file`: xlsx as the template or an export)",
            description = "Roles and scope as appointing one: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (403 others); "
                    + "a row whose grid is outside the caller's scope refuses the whole upload (403). Each row is an "
                    + "appointment as POST / makes it (unknown-grid, invalid-person-name, invalid-phone, "
                    + "unknown-worker-role, unknown-worker-source); a grid that has an active worker of the role "
                    + "(grid-has-worker) or twice in the sheet (grid-role-twice-in-sheet) is a bad row. By default a bad "
                    + "row refuses the sheet and nothing is stored: 422 sheet-rows-invalid with rows [{row, field, code, "
                    + "reason}], or with `Accept: " + SheetMedia.XLSX_VALUE + "` the bad rows as a sheet with 错误原因. "
                    + "?mode=valid-rows stores the good rows and answers 200 {rows, stored, rejected}. At most 5,000 rows "
                    + "(413) and 2 MB (413); not an xlsx file 415 not-a-spreadsheet. Idempotency-Key as other POSTs. "
                    + "Publishes GridWorkerAppointed per stored appointment.")
    @ApiResponse(responseCode = "422", content = {@Content(mediaType = "application/problem+json"),
            @Content(mediaType = SheetMedia.XLSX_VALUE)})
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = SheetImport.Upload.class),
            encoding = @Encoding(name = "file", contentType = SheetMedia.XLSX_VALUE)))
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<?> importGridWorkerSheet(Caller caller, @RequestPart("file") MultipartFile file,
                                            @Parameter(description = "`all` (default) or `valid-rows`")
                                            @RequestParam(defaultValue = "all") String mode,
                                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.importSheet(caller, in, SheetImport.validRowsOnly(mode)).answer(accept);
        }
    }

    @Operation(summary = "Export the grid workers list as a sheet (xlsx, streamed)",
            description = "Roles, scope and filters as the list (?gridId= 404 unknown / 403 outside the scope, ?role=, "
                    + "?active=); admins and GRID_WORKER, others 403. Phones in full for admins only, as in GET /{id}.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/export", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.STAFF)
    void exportGridWorkers(Caller caller, @RequestParam(required = false) String gridId,
                           @RequestParam(required = false) WorkerRole role,
                           @RequestParam(required = false) Boolean active, HttpServletResponse response)
            throws IOException {
        boolean admin = caller.hasRole(Roles.COUNTY_ADMIN) || caller.hasRole(Roles.STREET_ADMIN)
                || caller.hasRole(Roles.COMMUNITY_ADMIN);
        try (Stream<GridWorker> found = workers.stream(caller, gridId, role, active);
             SheetWriter writer = new SheetWriter(GridWorkerSheet.LAYOUT, false)) {
            found.forEach(worker -> {
                if (admin) {
                    UnmaskedReads.record(worker.accountId(), "grid-worker", worker.id(), "phone");
                }
                writer.row(GridWorkerSheet.row(worker, admin ? worker.phone() : worker.maskedPhone()), null);
            });
            SheetMedia.download(response, "grid-workers.xlsx", writer);
        }
    }
}
