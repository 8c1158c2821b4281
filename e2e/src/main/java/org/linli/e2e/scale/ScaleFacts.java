package org.linli.e2e.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale-facts}: what the benchmark script needs from the running stack, as {@code KEY=value} lines for
 * the shell: a fresh admin token (15 minutes), an issue id, a point inside a micro-grid with its id, the scale
 * load's ledger accounts (comma-separated, in number order, for the credit case) and the totals the county-wide
 * admin sees (issues, grids, households, compounds, activities).
 */
public final class ScaleFacts {

    private ScaleFacts() {
    }

    public static void print(Gateway gateway, PrintStream out) {
        Session admin = gateway.admin();
        JsonNode issues = admin.get("/api/v1/issues?size=1").expect(200);
        List<ScaleLoader.MicroGrid> grids = microGridsPage(admin, 0, 1);
        out.println("TOKEN=" + admin.token());
        out.println("ISSUE_ID=" + issues.at("/content/0/id").asString(""));
        if (!grids.isEmpty()) {
            out.println("GRID_ID=" + grids.get(0).id());
            out.println("LAT=" + grids.get(0).point().lat());
            out.println("LNG=" + grids.get(0).point().lng());
        }
        List<String> scaleAccounts = ScaleAccounts.all(admin);
        String creditAccount = scaleAccounts.isEmpty() ? admin.get("/api/v1/accounts/me").expect(200).path("id")
                .asString() : scaleAccounts.get(0);
        out.println("CREDIT_ACCOUNT=" + creditAccount);
        out.println("CREDIT_ACCOUNTS=" + (scaleAccounts.isEmpty() ? creditAccount : String.join(",", scaleAccounts)));
        out.println("ISSUES_TOTAL=" + total(issues));
        out.println("GRIDS_TOTAL=" + total(admin.get("/api/v1/grids?size=1").expect(200)));
        out.println("HOUSEHOLDS_TOTAL=" + total(admin.get("/api/v1/households?size=1").expect(200)));
        out.println("COMPOUNDS_TOTAL=" + total(admin.get("/api/v1/compounds?size=1").expect(200)));
        out.println("ACTIVITIES_TOTAL=" + total(admin.get("/api/v1/activities?size=1").expect(200)));
        out.println("LEDGER_SAMPLE_ENTRIES=" + total(admin.get("/api/v1/points/accounts/" + creditAccount
                + "/entries?size=1").expect(200)));
    }

    private static long total(JsonNode page) {
        return page.at("/page/totalElements").asLong(-1);
    }

    static List<ScaleLoader.MicroGrid> microGrids(Session admin) {
        List<ScaleLoader.MicroGrid> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            List<ScaleLoader.MicroGrid> some = microGridsPage(admin, page, 200);
            all.addAll(some);
            if (some.size() < 200) {
                break;
            }
        }
        return all;
    }

    private static List<ScaleLoader.MicroGrid> microGridsPage(Session admin, int page, int size) {
        JsonNode content = admin.get("/api/v1/grids?level=MICRO&sort=id&size=" + size + "&page=" + page).expect(200)
                .path("content");
        List<ScaleLoader.MicroGrid> grids = new ArrayList<>();
        for (JsonNode grid : content) {
            grids.add(new ScaleLoader.MicroGrid(grid.path("id").asString(), inside(grid.at("/boundary/coordinates/0"))));
        }
        return grids;
    }

    /** The mean of a ring's corners (the closing point left out): inside the demo's rectangles. */
    static HistoryBatches.Point inside(JsonNode ring) {
        int corners = Math.max(1, ring.size() - 1);
        double lat = 0;
        double lng = 0;
        for (int i = 0; i < corners; i++) {
            lng += ring.get(i).get(0).asDouble();
            lat += ring.get(i).get(1).asDouble();
        }
        return new HistoryBatches.Point(lat / corners, lng / corners);
    }

    static List<String> buildingsNamed(Session admin, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 10_000; page++) {
            JsonNode content = admin.get("/api/v1/households/buildings?sort=id&size=200&page=" + page).expect(200)
                    .path("content");
            for (JsonNode building : content) {
                if (building.path("name").asString("").startsWith(prefix)) {
                    ids.add(building.path("id").asString());
                }
            }
            if (content.size() < 200) {
                break;
            }
        }
        return ids;
    }
}
