package org.linli.org.member;

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
import org.linli.platform.domain.MobileNumber;
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

@Tag(name = "Party member sheets", description = "党员花名册 in Excel: the template, importing a sheet, exporting the list")
@RestController
@RequestMapping("/api/v1/party-members")
class PartyMemberSheetController {

    private final PartyMemberSheetImports imports;
    private final PartyMemberService members;

    PartyMemberSheetController(PartyMemberSheetImports imports, PartyMemberService members) {
        this.imports = imports;
        this.members = members;
    }

    @Operation(summary = "Download the party members sheet template (xlsx: Chinese headers and one example row)",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (those who may import); others 403.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/sheet-template", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<byte[]> partyMemberSheetTemplate() {
        return SheetMedia.template(PartyMemberSheet.LAYOUT, "党员导入模板.xlsx");
    }

    @Operation(summary = "Import a party members sheet (multipart part `file`: xlsx as the template or an export)",
            description = "Roles and scope as registering one member: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN (403 "
                    + "others); a row whose branch is outside the caller's scope refuses the whole upload (403). Each row "
                    + "is checked by the rules of a single registration (unknown-unit, invalid-id-number, "
                    + "dual-registration-required, …); an ID number registered before or twice in the sheet is a bad row "
                    + "(already-registered, duplicate-in-sheet). By default a bad row refuses the sheet and nothing is "
                    + "stored: 422 sheet-rows-invalid with rows [{row, field, code, reason}], or with `Accept: "
                    + SheetMedia.XLSX_VALUE + "` the bad rows as a sheet with 错误原因. ?mode=valid-rows stores the good "
                    + "rows and answers 200 {rows, stored, rejected}. At most 5,000 rows (413) and 2 MB (413); not an "
                    + "xlsx file 415 not-a-spreadsheet; a missing required column 400 sheet-columns-missing. "
                    + "Idempotency-Key as other POSTs. Publishes PartyMemberRegistered per stored member.")
    @ApiResponse(responseCode = "422", content = {@Content(mediaType = "application/problem+json"),
            @Content(mediaType = SheetMedia.XLSX_VALUE)})
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = SheetImport.Upload.class),
            encoding = @Encoding(name = "file", contentType = SheetMedia.XLSX_VALUE)))
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<?> importPartyMemberSheet(Caller caller, @RequestPart("file") MultipartFile file,
                                             @Parameter(description = "`all` (default) or `valid-rows`")
                                             @RequestParam(defaultValue = "all") String mode,
                                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.importSheet(caller, in, SheetImport.validRowsOnly(mode)).answer(accept);
        }
    }

    @Operation(summary = "Export the party members list as a sheet (xlsx, streamed)",
            description = "Roles, scope and filters as the list (?branchId= 404 unknown / 403 outside the scope, "
                    + "?kind=); admins, GRID_WORKER, PARTY_MEMBER, others 403. ID numbers and phones masked unless the "
                    + "caller is an admin whose scope covers the member (each unmasked member is in the audit trail).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SheetMedia.XLSX_VALUE))
    @GetMapping(path = "/export", produces = SheetMedia.XLSX_VALUE)
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    void exportPartyMembers(Caller caller, @RequestParam(required = false) String branchId,
                            @RequestParam(required = false) MemberKind kind, HttpServletResponse response)
            throws IOException {
        try (Stream<PartyMember> found = members.stream(caller, branchId, kind);
             SheetWriter writer = new SheetWriter(PartyMemberSheet.LAYOUT, false)) {
            found.forEach(member -> writer.row(row(caller, member), null));
            SheetMedia.download(response, "party-members.xlsx", writer);
        }
    }

    /** The member as this caller may see it, as in {@code GET /{id}}. */
    private static java.util.Map<String, Object> row(Caller caller, PartyMember member) {
        MobileNumber phone = member.phone();
        if (PartyMemberService.seesPersonalData(caller, member)) {
            UnmaskedReads.record(member.accountId(), "party-member", member.id(), "idNumber", "phone");
            return PartyMemberSheet.row(member, member.idNumber().value(), phone == null ? null : phone.value());
        }
        return PartyMemberSheet.row(member, member.idNumber().masked(), phone == null ? null : phone.masked());
    }
}
