package org.linli.grid.notice;

import java.time.Instant;
import org.linli.grid.household.HouseholdDirectory.HouseholdView;
import org.linli.grid.worker.WorkerDirectory.WorkerView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One household's copy of a notice, on its grid worker's task list until the household acknowledges it.
 * The id is {@code noticeId:householdId}, so a household has one task per notice however often a write is
 * retried. The worker is the active worker of the household's grid, or of the nearest grid above it when
 * that grid has none; {@code null} when no grid up the chain has one (the community's admins deliver).
 */
@Document("notice_delivery_tasks")
class DeliveryTask {

    @Id
    private String id;
    @Indexed
    private String noticeId;
    private String householdId;
    private String buildingId;
    private String gridId;
    @Indexed
    private String communityPath;
    private String workerAppointmentId;
    private String workerName;
    @Indexed
    private String workerAccountId;
    private Status status;
    private Method method;
    private String acknowledgedBy;
    private Instant acknowledgedAt;

    protected DeliveryTask() {
        // for the mapping layer
    }

    DeliveryTask(String noticeId, HouseholdView household, String communityPath, WorkerView worker) {
        this.id = idOf(noticeId, household.id());
        this.noticeId = noticeId;
        this.householdId = household.id();
        this.buildingId = household.buildingId();
        this.gridId = household.gridId();
        this.communityPath = communityPath;
        if (worker != null) {
            this.workerAppointmentId = worker.appointmentId();
            this.workerName = worker.name();
            this.workerAccountId = worker.accountId();
        }
        this.status = Status.PENDING;
    }

    static String idOf(String noticeId, String householdId) {
        return noticeId + ":" + householdId;
    }

    String id() {
        return id;
    }

    String noticeId() {
        return noticeId;
    }

    String householdId() {
        return householdId;
    }

    String buildingId() {
        return buildingId;
    }

    String gridId() {
        return gridId;
    }

    String communityPath() {
        return communityPath;
    }

    String workerAppointmentId() {
        return workerAppointmentId;
    }

    String workerName() {
        return workerName;
    }

    String workerAccountId() {
        return workerAccountId;
    }

    Status status() {
        return status;
    }

    Method method() {
        return method;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** PENDING until the household acknowledged receipt. */
    enum Status {
        PENDING, ACKNOWLEDGED
    }

    /** How the household was reached. */
    enum Method {
        IN_PERSON, PHONE, MESSAGE, NOTICE_BOARD
    }
}
