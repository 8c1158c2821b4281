package org.linli.grid.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.linli.platform.sheets.SheetImport;
import org.linli.platform.sheets.SheetMedia;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 住户导入: one path, two bodies (OpenAPI keeps one operation, so one tag): a register's JSON batch or a roster sheet. */
@Tag(name = "Household imports", description = "住户导入: households of an external register in batches, or a roster sheet")
@RestController
@RequestMapping("/api/v1/households/imports")
class HouseholdImportController {

    static final int MAX_ENTRIES = 1000;

    private final HouseholdImports imports;
    private final HouseholdSheetImports sheets;

    HouseholdImportController(HouseholdImports imports, HouseholdSheetImports sheets) {
        this.imports = imports;
        this.sheets = sheets;
    }

    @Operation(summary = HouseholdSheetController.IMPORTS_SUMMARY,
            description = HouseholdSheetController.IMPORTS_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.ADMINS)
    HouseholdImports.Result importEntries(Caller caller, @Valid @RequestBody ImportRequest request) {
        return imports.importEntries(caller, request.households());
    }

    @Operation(summary = HouseholdSheetController.IMPORTS_SUMMARY,
            description = HouseholdSheetController.IMPORTS_DESCRIPTION)
    @ApiResponse(responseCode = "422", content = {@Content(mediaType = "application/problem+json"),
            @Content(mediaType = SheetMedia.XLSX_VALUE)})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = SheetImport.Upload.class),
            encoding = @Encoding(name = "file", contentType = SheetMedia.XLSX_VALUE)))
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<?> importHouseholdSheet(Caller caller, @RequestPart("file") MultipartFile file,
                                           @Parameter(description = "`all` (default) or `valid-rows`")
                                           @RequestParam(defaultValue = "all") String mode,
                                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return sheets.importSheet(caller, in, SheetImport.validRowsOnly(mode)).answer(accept);
        }
    }

    /** A batch of register entries. */
    record ImportRequest(@NotNull @Size(min = 1, max = MAX_ENTRIES) List<HouseholdImports.Entry> households) {
    }
}
