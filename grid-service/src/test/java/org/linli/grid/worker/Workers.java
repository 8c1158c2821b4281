package org.linli.grid.worker;

import java.time.Instant;
import java.time.LocalDate;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.grid.GridLevel;
import org.linli.grid.worker.GridWorker.Appointee;

/** Object Mother for grid worker appointments on a micro-grid of a given population. */
final class Workers {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private Workers() {
    }

    static GridView micro(long residents) {
        return new GridView("grid-1", GridLevel.MICRO, "檀溪第一微网格", "grid-0", "/grid-0/grid-1/", "community-1",
                "/street-1/community-1/", residents, residents / 3);
    }

    static Appointee person(String name) {
        return new Appointee(name, "13812345678", WorkerSource.PARTY_MEMBER, true, null);
    }

    static GridWorker worker(WorkerRole role, LocalDate from) {
        return GridWorker.appoint(micro(320), role, person("王红"), from, NOW);
    }
}
