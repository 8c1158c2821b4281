package org.linli.org.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.linli.platform.web.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal data")
@RestController
class PersonalDataController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PersonalData personalData;

    PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Operation(operationId = "downloadPersonalData", summary = "Download everything Linli holds about you (one JSON)",
            description = "Roles: any signed-in account; only the caller's own data, unmasked. The account, org-service's "
                    + "records naming it (party member records with ID number and phone, transfers, household links), "
                    + "each other service's part (GET /api/v1/personal-data/grid, /issues, /property, /points), the "
                    + "unmasked reads of the caller's data from the five audit trails, the caller's correction requests "
                    + "and, in missing, the parts that did not answer (the download never fails because one service is "
                    + "down). Served as an attachment. Errors: 401 without a token; 404 not-found when the "
                    + "token's account no longer exists.")
    @GetMapping(path = "/api/v1/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PersonalDataDocument> download(Caller caller, HttpServletRequest http) {
        PersonalDataDocument document = personalData.assemble(caller, bearer(http));
        String file = "linli-personal-data-" + FILE_TIME.format(document.assembledAt()) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(document);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
    }
}
