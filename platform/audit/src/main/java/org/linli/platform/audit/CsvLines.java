package org.linli.platform.audit;

import java.util.List;
import java.util.stream.Collectors;

/** The audit export's CSV (RFC 4180), with spreadsheet formula injection defused. */
final class CsvLines {

    static final String HEADER = "sequence,service,at,kind,actorAccountId,actorUsername,actorRoles,actorOrgUnitId,"
            + "actorOrgUnitPath,operation,path,resourceId,status,outcome,clientAddress,requestId,signInGrantType,"
            + "signInUsername,subjects,previousHash,hash\r\n";

    private CsvLines() {
    }

    static String of(AuditRecord record) {
        AuditRecord.Actor actor = record.actor();
        AuditRecord.SignIn signIn = record.signIn();
        List<String> cells = java.util.Arrays.asList(Long.toString(record.sequence()), record.service(),
                String.valueOf(record.at()), String.valueOf(record.kind()),
                actor == null ? null : actor.accountId(), actor == null ? null : actor.username(),
                actor == null ? null : String.join("|", actor.roles()), actor == null ? null : actor.orgUnitId(),
                actor == null ? null : actor.orgUnitPath(), record.operation(), record.path(), record.resourceId(),
                Integer.toString(record.status()), String.valueOf(record.outcome()), record.clientAddress(),
                record.requestId(), signIn == null ? null : signIn.grantType(), signIn == null ? null : signIn.username(),
                record.subjects().stream().map(subject -> nullToEmpty(subject.accountId()) + ":"
                        + nullToEmpty(subject.resourceType()) + ":" + nullToEmpty(subject.resourceId()) + ":"
                        + String.join("+", subject.fields())).collect(Collectors.joining("|")),
                record.previousHash(), record.hash());
        return cells.stream().map(CsvLines::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
