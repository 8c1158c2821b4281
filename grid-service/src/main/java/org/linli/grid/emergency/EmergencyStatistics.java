package org.linli.grid.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linli.grid.emergency.Emergency.Site;
import org.linli.grid.grid.GridDirectory.GridView;

/**
 * Emergency handling figures for a grid subtree, per grid that has had an incident and in total:
 * on-site handling (share of sites a commander reached) and initial-handling success (share of closed
 * incidents whose first on-site handling contained them).
 *
 * @param gridId                   root of the subtree
 * @param incidents                incidents touching the subtree
 * @param closed                   of which closed
 * @param sites                    grid sites of those incidents inside the subtree
 * @param sitesReached             sites a commander reported ON_SITE
 * @param onSiteRate               sitesReached / sites (0..1), {@code null} without sites
 * @param initialHandlingSucceeded closed incidents whose initial handling succeeded
 * @param initialHandlingRate      initialHandlingSucceeded / closed (0..1), {@code null} when none closed
 * @param averageTimeToSite        mean time from declaration to ON_SITE over reached sites, {@code null} if none
 * @param grids                    the same figures per grid
 */
record EmergencyStatistics(String gridId, int incidents, int closed, int sites, int sitesReached,
                           BigDecimal onSiteRate, int initialHandlingSucceeded, BigDecimal initialHandlingRate,
                           Duration averageTimeToSite, List<GridFigures> grids) {

    static EmergencyStatistics of(GridView root, List<Emergency> touching) {
        Map<String, Tally> perGrid = new TreeMap<>();
        Tally total = new Tally(root.id(), root.name());
        for (Emergency emergency : touching) {
            total.incident(emergency);
            for (Site site : emergency.sites()) {
                if (site.gridPath().startsWith(root.path())) {
                    total.site(emergency, site);
                    Tally grid = perGrid.computeIfAbsent(site.gridId(), id -> new Tally(id, site.gridName()));
                    grid.incident(emergency);
                    grid.site(emergency, site);
                }
            }
        }
        List<GridFigures> grids = new ArrayList<>();
        perGrid.values().forEach(tally -> grids.add(tally.figures()));
        GridFigures sum = total.figures();
        return new EmergencyStatistics(root.id(), sum.incidents(), sum.closed(), sum.sites(), sum.sitesReached(),
                sum.onSiteRate(), sum.initialHandlingSucceeded(), sum.initialHandlingRate(), sum.averageTimeToSite(),
                grids);
    }

    /** One grid's figures; see the enclosing record for the fields. */
    record GridFigures(String gridId, String gridName, int incidents, int closed, int sites, int sitesReached,
                       BigDecimal onSiteRate, int initialHandlingSucceeded, BigDecimal initialHandlingRate,
                       Duration averageTimeToSite) {
    }

    private static final class Tally {
        private final String gridId;
        private final String gridName;
        private int incidents;
        private int closed;
        private int succeeded;
        private int sites;
        private int reached;
        private Duration timeToSite = Duration.ZERO;

        Tally(String gridId, String gridName) {
            this.gridId = gridId;
            this.gridName = gridName;
        }

        void incident(Emergency emergency) {
            incidents++;
            if (emergency.status() == Emergency.Status.CLOSED) {
                closed++;
                if (Boolean.TRUE.equals(emergency.initialHandlingSucceeded())) {
                    succeeded++;
                }
            }
        }

        void site(Emergency emergency, Site site) {
            sites++;
            Duration toSite = site.timeToSite(emergency.declaredAt());
            if (toSite != null) {
                reached++;
                timeToSite = timeToSite.plus(toSite);
            }
        }

        GridFigures figures() {
            return new GridFigures(gridId, gridName, incidents, closed, sites, reached, rate(reached, sites), succeeded,
                    rate(succeeded, closed), reached == 0 ? null : timeToSite.dividedBy(reached));
        }

        private static BigDecimal rate(int part, int whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        }
    }
}
