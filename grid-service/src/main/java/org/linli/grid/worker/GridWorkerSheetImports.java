package org.linli.grid.worker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.bson.Document;
import org.linli.events.Topics;
import org.linli.events.grid.GridWorkerAppointed;
import org.linli.platform.sheets.RowProblem;
import org.linli.platform.sheets.RowReasons;
import org.linli.platform.sheets.SheetImport;
import org.linli.platform.sheets.SheetReader;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Imports the grid workers roster from an xlsx sheet: each row is built by {@link GridWorkerService#prepare} (the grid
 * in the caller's scope: one outside it refuses the whole upload with 403), and a grid that has an active worker of
 * the role, or twice in the sheet, is a bad row. Nothing is written before the whole sheet is checked; by default one
 * bad row refuses the sheet. One {@code insertAll} per page, each appointment with GridWorkerAppointed in its outbox.
 */
@Service
class GridWorkerSheetImports {

    static final int MAX_ROWS = 5000;
    private static final int PAGE = 500;

    private final GridWorkerService workers;
    private final MongoOperations mongo;
    private final RowReasons reasons;

    GridWorkerSheetImports(GridWorkerService workers, MongoOperations mongo, RowReasons reasons) {
        this.workers = workers;
        this.mongo = mongo;
        this.reasons = reasons;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.GRID_EVENTS, payloadType = GridWorkerAppointed.class,
            description = "a grid worker of an imported roster sheet was appointed"))
    SheetImport importSheet(Caller caller, InputStream upload, boolean validRowsOnly) {
        List<SheetRow> rows = SheetReader.read(upload, GridWorkerSheet.LAYOUT, MAX_ROWS);
        Set<String> occupied = occupied(rows);
        Set<String> seen = new HashSet<>();
        List<RowProblem> problems = new ArrayList<>();
        List<GridWorker> appointed = new ArrayList<>();
        for (SheetRow row : rows) {
            GridWorker worker = reasons.build(GridWorkerSheet.LAYOUT, row, problems,
                    valid -> appointment(caller, valid, occupied, seen), GridWorkerSheet::fieldOf);
            if (worker != null) {
                appointed.add(worker);
            }
        }
        SheetImport.refuseBadRows(GridWorkerSheet.LAYOUT, rows, problems, validRowsOnly);
        for (int from = 0; from < appointed.size(); from += PAGE) {
            mongo.insertAll(appointed.subList(from, Math.min(appointed.size(), from + PAGE)));
        }
        return new SheetImport(GridWorkerSheet.LAYOUT, rows.size(), appointed.size(), rows, problems);
    }

    private GridWorker appointment(Caller caller, SheetRow row, Set<String> occupied, Set<String> seen) {
        WorkerRole role = GridWorkerSheet.role(row);
        GridWorker worker;
        try {
            worker = workers.prepare(caller, row.text("gridId"), role, GridWorkerSheet.appointee(row), row.date("from"));
        } catch (NotFoundException unknown) {
            throw new BusinessRuleViolation("unknown-grid", "no such grid", row.text("gridId"));
        }
        String key = GridWorker.activeKey(worker.gridId(), role);
        if (occupied.contains(key)) {
            throw new BusinessRuleViolation("grid-has-worker", "the grid has an active worker of the role",
                    row.text("gridId"), role.label());
        }
        if (!seen.add(key)) {
            throw new BusinessRuleViolation("grid-role-twice-in-sheet", "grid and role twice in the sheet");
        }
        return worker;
    }

    /** The sheet's grid/role pairs that have an active appointment (the unique {@code activeKey} of active ones). */
    private Set<String> occupied(List<SheetRow> rows) {
        Set<String> candidates = new HashSet<>();
        rows.stream().map(row -> row.text("gridId")).filter(java.util.Objects::nonNull).forEach(gridId -> {
            for (WorkerRole role : WorkerRole.values()) {
                candidates.add(GridWorker.activeKey(gridId, role));
            }
        });
        Query query = Query.query(Criteria.where("activeKey").in(candidates));
        query.fields().include("activeKey");
        Set<String> keys = new HashSet<>();
        mongo.find(query, Document.class, "grid_worker_appointments").forEach(doc -> keys.add(doc.getString("activeKey")));
        return keys;
    }
}
