package org.linli.org.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Duty records (履职记录)", description = "A duty done by the holder of a duty role, counted against their "
        + "quota in the monthly report.")
@RestController
@RequestMapping("/api/v1/duty-records")
class DutyRecordController {

    private static final String RECORDERS = "hasAnyRole(" + Roles.ADMIN_LIST + ",'" + Roles.RESIDENT + "','"
            + Roles.PARTY_MEMBER + "','" + Roles.GRID_WORKER + "','" + Roles.DEPARTMENT_STAFF + "')";

    private final DutyService service;

    DutyRecordController(DutyService service) {
        this.service = service;
    }

    @Operation(summary = "Record a duty done, by its holder or by an admin for them",
            description = "Roles: the holder (any person role; holderId absent or their own), or an admin covering "
                    + "the holder's unit (403 otherwise). 422 not-a-duty-holder (no such role held), no-duty-quota, "
                    + "duty-kind-not-in-quota, duty-date-in-future, duty-date-too-old (more than 31 days ago).")
    @PostMapping
    @PreAuthorize(RECORDERS)
    ResponseEntity<RecordResponse> recordDuty(Caller caller, @Valid @RequestBody RecordRequest request) {
        DutyRecord record = service.record(caller, request.holderId(), request.role(), request.kind(),
                request.doneOn(), request.note(), request.place());
        return ResponseEntity.created(URI.create("/api/v1/duty-records/" + record.id()))
                .body(RecordResponse.of(record));
    }

    @Operation(summary = "Read a duty record", description = "Its holder, or an admin covering the holder's unit "
            + "(403 otherwise); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(RECORDERS)
    RecordResponse getDutyRecord(Caller caller, @PathVariable String id) {
        return RecordResponse.of(service.recordById(caller, id));
    }

    record RecordRequest(@Size(max = 64) String holderId, @NotNull DutyRole role, @NotBlank @Size(max = 40) String kind,
                         @NotNull LocalDate doneOn, @NotBlank @Size(max = DutyRecord.MAX_NOTE) String note,
                         @Size(max = DutyRecord.MAX_PLACE) String place) {
    }

    record RecordResponse(String id, String holderId, DutyRole role, String kind, String label, LocalDate doneOn,
                          String unitId, String note, String place, String recordedBy, Instant recordedAt) {

        static RecordResponse of(DutyRecord r) {
            return new RecordResponse(r.id(), r.holderId(), r.role(), r.kind(), r.label(), r.doneOn(), r.unitId(),
                    r.note(), r.place(), r.recordedBy(), r.recordedAt());
        }
    }
}
