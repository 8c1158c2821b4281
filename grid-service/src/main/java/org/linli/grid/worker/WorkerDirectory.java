package org.linli.grid.worker;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What other features of grid-service (notices, emergencies) may know about who serves a grid: a
 * read-only view without names of internals or the phone number.
 */
@Component
public class WorkerDirectory {

    private final GridWorkerRepository workers;

    WorkerDirectory(GridWorkerRepository workers) {
        this.workers = workers;
    }

    /** The grid's active grid worker (网格员/微网格员), or else its active alley chief (红色巷长). */
    public Optional<WorkerView> activeWorkerOf(String gridId) {
        return workers.findByActiveKey(GridWorker.activeKey(gridId, WorkerRole.GRID_WORKER))
                .or(() -> workers.findByActiveKey(GridWorker.activeKey(gridId, WorkerRole.ALLEY_CHIEF)))
                .map(WorkerView::of);
    }

    /**
     * The grids the account is actively appointed to (as grid worker or alley chief), none for a {@code null}
     * account. Served by the index on {@code accountId}.
     */
    public Set<String> gridsServedBy(String accountId) {
        if (accountId == null) {
            return Set.of();
        }
        return workers.findByAccountIdAndStatus(accountId, GridWorker.Status.ACTIVE).stream()
                .map(GridWorker::gridId).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An active appointment as other features see it.
     *
     * @param accountId the person's Linli account, {@code null} when the person has none
     */
    public record WorkerView(String appointmentId, String gridId, String name, String accountId) {

        static WorkerView of(GridWorker worker) {
            return new WorkerView(worker.id(), worker.gridId(), worker.personName(), worker.accountId());
        }
    }
}
