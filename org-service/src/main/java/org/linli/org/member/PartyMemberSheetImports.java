package org.linli.org.member;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.bson.Document;
import org.linli.events.Topics;
import org.linli.events.org.PartyMemberRegistered;
import org.linli.platform.protection.KeyedHash;
import org.linli.platform.sheets.RowProblem;
import org.linli.platform.sheets.RowReasons;
import org.linli.platform.sheets.SheetReader;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.sheets.SheetImport;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Imports the party members roster from an xlsx sheet: each row is checked by {@link PartyMemberService#prepare}, the
 * checks of a single registration (a branch outside the caller's scope refuses the whole upload with 403), and an ID
 * number registered before or twice in the sheet is a bad row. Nothing is written before the whole sheet is checked;
 * by default one bad row refuses the sheet, {@code validRowsOnly} stores the good rows. One {@code insertAll} per
 * page, each member with its PartyMemberRegistered in its outbox.
 */
@Service
class PartyMemberSheetImports {

    static final int MAX_ROWS = 5000;
    private static final int PAGE = 500;

    private final PartyMemberService members;
    private final MongoOperations mongo;
    private final KeyedHash keyedHash;
    private final RowReasons reasons;
    private final Clock clock;

    PartyMemberSheetImports(PartyMemberService members, MongoOperations mongo, KeyedHash keyedHash, RowReasons reasons,
                            Clock clock) {
        this.members = members;
        this.mongo = mongo;
        this.keyedHash = keyedHash;
        this.reasons = reasons;
        this.clock = clock;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ORG_EVENTS, payloadType = PartyMemberRegistered.class,
            description = "a party member of an imported roster sheet was registered"))
    SheetImport importSheet(Caller caller, InputStream upload, boolean validRowsOnly) {
        List<SheetRow> rows = SheetReader.read(upload, PartyMemberSheet.LAYOUT, MAX_ROWS);
        Instant now = clock.instant();
        List<RowProblem> problems = new ArrayList<>();
        Map<SheetRow, PartyMember> prepared = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            PartyMember member = reasons.build(PartyMemberSheet.LAYOUT, row, problems, valid -> prepare(caller, valid, now),
                    refused -> PartyMemberSheet.fieldOf(row, refused));
            if (member != null) {
                prepared.put(row, member);
            }
        }
        problems.addAll(duplicates(prepared));
        problems.sort(Comparator.comparingInt(RowProblem::row));
        SheetImport.refuseBadRows(PartyMemberSheet.LAYOUT, rows, problems, validRowsOnly);
        Set<Integer> bad = new HashSet<>();
        problems.forEach(problem -> bad.add(problem.row()));
        List<PartyMember> good = prepared.entrySet().stream().filter(entry -> !bad.contains(entry.getKey().number()))
                .map(Map.Entry::getValue).toList();
        insert(good);
        return new SheetImport(PartyMemberSheet.LAYOUT, rows.size(), good.size(), rows, problems);
    }

    /**
     * ID numbers twice in the sheet, or registered already: as another member's keyed hash. A member with this
     * row's own id was stored by an earlier run of the same keyed request (ids come from the Idempotency-Key).
     */
    private List<RowProblem> duplicates(Map<SheetRow, PartyMember> prepared) {
        Map<String, SheetRow> byHash = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        prepared.forEach((row, member) -> {
            if (byHash.putIfAbsent(hash(member), row) != null) {
                problems.add(reasons.refused(PartyMemberSheet.LAYOUT, row.number(), "idNumber",
                        new BusinessRuleViolation("duplicate-in-sheet", "ID number twice in the sheet")));
            }
        });
        Query query = Query.query(Criteria.where("idNumberHash").in(byHash.keySet()));
        query.fields().include("_id").include("idNumberHash");
        for (Document stored : mongo.find(query, Document.class, "party_members")) {
            SheetRow row = byHash.get(stored.getString("idNumberHash"));
            if (row != null && !prepared.get(row).id().equals(String.valueOf(stored.get("_id")))) {
                problems.add(reasons.refused(PartyMemberSheet.LAYOUT, row.number(), "idNumber",
                        new BusinessRuleViolation("already-registered", "ID number registered already")));
            }
        }
        return problems;
    }

    /** The single registration's checks; a unit id that names nothing is the row's {@code unknown-unit}. */
    private PartyMember prepare(Caller caller, SheetRow row, Instant now) {
        try {
            return members.prepare(caller, PartyMemberSheet.registration(row), row.text("branchId"), row.text("groupId"),
                    now);
        } catch (NotFoundException unknown) {
            throw new BusinessRuleViolation("unknown-unit", "no such org unit", unknown.id());
        }
    }

    private String hash(PartyMember member) {
        return keyedHash.of(member.idNumber().value());
    }

    /** One {@code insertAll} per page; members an earlier run of the same keyed request stored are left out. */
    private void insert(List<PartyMember> good) {
        Query query = Query.query(Criteria.where("_id").in(good.stream().map(PartyMember::id).toList()));
        query.fields().include("_id");
        Set<String> stored = new HashSet<>();
        mongo.find(query, Document.class, "party_members").forEach(doc -> stored.add(String.valueOf(doc.get("_id"))));
        List<PartyMember> fresh = good.stream().filter(member -> !stored.contains(member.id())).toList();
        for (int from = 0; from < fresh.size(); from += PAGE) {
            mongo.insertAll(fresh.subList(from, Math.min(fresh.size(), from + PAGE)));
        }
    }
}
