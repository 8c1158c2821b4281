package org.linli.property.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linli.platform.web.Caller;
import org.linli.property.personaldata.PersonalData.PropertyPersonalData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What property-service holds about the caller ({@link PersonalData}), for the download org-service assembles. */
@Tag(name = "Personal data", description = "What property-service holds about the caller, for the PIPL download")
@RestController
class PropertyPersonalDataController {

    private final PersonalData personalData;

    PropertyPersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Operation(operationId = "getMyPropertyData", summary = "What property-service holds about you",
            description = "Roles: any signed-in account; only the caller's own data, unmasked. The caller's entries in "
                    + "compounds' owners' registers (业主名册) with the units owned, the assembly ballots cast for those "
                    + "entries, property-supervisor appointments (物业监督员), trust-account residency (信托制) and courier "
                    + "registrations (新就业群体, phone whole). Part "
                    + "of GET /api/v1/personal-data, which org-service assembles. Errors: 401 without a token.")
    @GetMapping("/api/v1/personal-data/property")
    PropertyPersonalData mine(Caller caller) {
        return personalData.of(caller.accountId());
    }
}
