package org.linli.issue.dispute;

import java.time.Instant;
import java.util.List;
import org.linli.issue.place.Route;

/** Object mother: disputes recorded by a grid worker in a grid of community-1. */
final class Disputes {

    static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    static final String WORKER = "worker-wang";
    static final Route IN_GRID = new Route("grid-1", "community-1", "/street-1/community-1/", "street-1",
            "compound-1", "company-1", "appointment-1", null, Route.Source.LOCAL_COPY);
    static final Dispute.Place PLACE = new Dispute.Place(36.2, 113.4, null, "檀溪花园 3 栋");

    private Disputes() {
    }

    /** Two neighbours over a leaking ceiling, with their phones. */
    static Dispute recorded() {
        return recordedWith(List.of(Dispute.Party.of("张三", "13812345678"), Dispute.Party.of("李四", "13987654321")));
    }

    static Dispute recordedWith(List<Dispute.Party> parties) {
        return Dispute.record("dispute-1", Dispute.Kind.NEIGHBOUR, "楼上漏水殃及楼下，双方争执", parties, PLACE, IN_GRID,
                WORKER, "王网格员", T0);
    }
}
