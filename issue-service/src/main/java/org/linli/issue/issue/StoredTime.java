package org.linli.issue.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, to the millisecond that MongoDB stores, so that the services' answers and the stored state agree. */
final class StoredTime {

    private StoredTime() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
