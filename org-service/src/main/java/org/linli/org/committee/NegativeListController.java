package org.linli.org.committee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Owners' committees", description = "业委会 and 物管会 of compounds")
@RestController
@RequestMapping("/api/v1/owners-committees/negative-list")
@PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
class NegativeListController {

    private final NegativeList negativeList;

    NegativeListController(NegativeList negativeList) {
        this.negativeList = negativeList;
    }

    @Operation(summary = "Put a person on the candidate negative list (负面清单)",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN (else 403). The list is county-wide; the ID number is kept "
                    + "only as a SHA-256 hash. Errors: 400 invalid body, 422 already-on-negative-list.")
    @PostMapping
    ResponseEntity<EntryResponse> add(Caller caller, @Valid @RequestBody AddEntryRequest request) {
        NegativeListEntry entry = negativeList.add(caller, request.name(), request.idNumber(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/owners-committees/negative-list/" + entry.id()))
                .body(EntryResponse.of(entry));
    }

    @Operation(summary = "List the negative list: names and reasons, never ID numbers",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN (else 403); paged.")
    @GetMapping
    PagedModel<EntryResponse> list(Pageable pageable) {
        return new PagedModel<>(negativeList.list(pageable).map(EntryResponse::of));
    }

    @Operation(summary = "Read one negative-list entry: name and reason",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN (else 403); 404 unknown id.")
    @GetMapping("/{entryId}")
    EntryResponse get(@PathVariable String entryId) {
        return EntryResponse.of(negativeList.get(entryId));
    }

    record AddEntryRequest(@NotBlank @Size(max = 50) String name,
                           @NotBlank @Size(min = 18, max = 18) String idNumber,
                           @NotBlank @Size(max = 500) String reason) {

        @Override
        public String toString() {
            return "AddEntryRequest[" + name + "]";
        }
    }

    record EntryResponse(String id, String name, String reason, LocalDate listedOn) {

        static EntryResponse of(NegativeListEntry entry) {
            return new EntryResponse(entry.id(), entry.name(), entry.reason(), entry.listedOn());
        }
    }
}
