package org.linli.grid.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.platform.mongo.MongoPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Found / fixed / overdue counts of a campaign's cases, in total, per community and per grid, tallied in one
 * pass over the cases (read through the campaign-first index, only the fields counted). Overdue depends on the
 * day, so it is counted at read time, never stored.
 */
final class CampaignFigures {

    private final Count total = new Count(null, null, null);
    private final Map<String, Count> communities = new LinkedHashMap<>();
    private final Map<String, Count> grids = new LinkedHashMap<>();

    static CampaignFigures of(Iterable<RectificationCase> cases, LocalDate today) {
        CampaignFigures figures = new CampaignFigures();
        for (RectificationCase found : cases) {
            figures.add(found, today);
        }
        return figures;
    }

    private void add(RectificationCase found, LocalDate today) {
        total.add(found, today);
        communities.computeIfAbsent(found.communityUnitId(), id -> new Count(id, null, found.communityUnitId()))
                .add(found, today);
        grids.computeIfAbsent(found.gridId(), id -> new Count(id, found.gridName(), found.communityUnitId()))
                .add(found, today);
    }

    Counts total() {
        return total.counts();
    }

    /** Per community, by community id. */
    List<Row> communities() {
        return rows(communities);
    }

    /** A page of the per-grid rows, by grid name then id (the page's own sort is not used). */
    Page<Row> grids(Pageable pageable) {
        List<Row> all = rows(grids).stream().sorted(Comparator.comparing(Row::name).thenComparing(Row::id)).toList();
        return MongoPages.page(all, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
    }

    private static List<Row> rows(Map<String, Count> counts) {
        List<Row> rows = new ArrayList<>();
        counts.values().forEach(count -> rows.add(new Row(count.id, count.name, count.communityUnitId, count.counts())));
        rows.sort(Comparator.comparing(Row::id));
        return rows;
    }

    /**
     * Counts of cases.
     *
     * @param found      cases recorded
     * @param fixed      of which fixed
     * @param overdue    unfixed past their deadline
     * @param fixedShare fixed / found (0..1, 4 decimals), {@code null} without cases
     */
    record Counts(int found, int fixed, int overdue, BigDecimal fixedShare) {
    }

    /** One community's or grid's counts ({@code name} is the grid's; a community row has none). */
    record Row(String id, String name, String communityUnitId, Counts counts) {
    }

    private static final class Count {
        private final String id;
        private final String name;
        private final String communityUnitId;
        private int found;
        private int fixed;
        private int overdue;

        Count(String id, String name, String communityUnitId) {
            this.id = id;
            this.name = name;
            this.communityUnitId = communityUnitId;
        }

        void add(RectificationCase found, LocalDate today) {
            this.found++;
            if (found.fixedOn() != null) {
                fixed++;
            } else if (found.overdue(today)) {
                overdue++;
            }
        }

        Counts counts() {
            return new Counts(found, fixed, overdue, found == 0 ? null
                    : BigDecimal.valueOf(fixed).divide(BigDecimal.valueOf(found), 4, RoundingMode.HALF_UP));
        }
    }
}
