package org.linli.issue.copies;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * issue-service's read copy of a grid worker appointment, from GridWorkerAppointed / GridWorkerReplaced, with the
 * worker's login account when the appointment names one (routing assigns the issue to that account; the index on it
 * finds the grids an account serves).
 */
@Document("worker_copies")
public record WorkerCopy(@Id String id, @Indexed String gridId, String role, boolean active, LocalDate from,
                         @Indexed String accountId, Instant updatedAt) {
}
