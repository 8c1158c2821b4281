package org.linli.grid.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.linli.grid.worker.GridWorkerController.WorkerResponse;
import org.linli.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal data", description = "What grid-service holds about the caller, for the PIPL download")
@RestController
class GridPersonalDataController {

    private final GridWorkerRepository workers;

    GridPersonalDataController(GridWorkerRepository workers) {
        this.workers = workers;
    }

    @Operation(operationId = "getMyGridData", summary = "What grid-service holds about you",
            description = "Roles: any signed-in account; only the caller's own data, unmasked. The grid-worker "
                    + "appointments made with the caller's account (name, phone, assessments, ratings, emergency duty), "
                    + "current and past. Households name no account, so none are found here. Part of "
                    + "GET /api/v1/personal-data, which org-service assembles. Errors: 401 without a token.")
    @GetMapping("/api/v1/personal-data/grid")
    GridPersonalData mine(Caller caller) {
        return new GridPersonalData(workers.findByAccountIdOrderByFromDesc(caller.accountId()).stream()
                .map(worker -> WorkerResponse.of(worker, true)).toList());
    }

    /** The caller's part of grid-service. */
    record GridPersonalData(List<WorkerResponse> gridWorkerAppointments) {
    }
}
