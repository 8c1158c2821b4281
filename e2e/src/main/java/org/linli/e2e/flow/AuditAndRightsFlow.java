package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import tools.jackson.databind.JsonNode;

/**
 * Flow i (issue #21): the audit trail, the separated administrator duties and a resident's rights, through the
 * gateway. Needs the demo county's duty holders ({@code demo.auditadmin}, {@code demo.systemadmin}).
 *
 * <ol>
 *   <li>Flows f and b run through a gateway that stamps every write with its own request id; afterwards every one
 *       of those writes is in its service's audit trail, with who (a signed-in write names its account), what
 *       (method and path), when and the status the client got.</li>
 *   <li>The audit administrator cannot create an org unit (403); the system administrator and the county
 *       administrator cannot read an audit trail (403); every service's chain verifies.</li>
 *   <li>A party member with an account downloads their data: their own ID number, unmasked; the county admin then
 *       reads the member unmasked, and the next download lists that read (lag "unmasked read→resident sees it").</li>
 *   <li>The member asks for a correction; an administrator of another community gets 403 answering it, their own
 *       community's administrator answers it, and the member sees the answer.</li>
 * </ol>
 */
public final class AuditAndRightsFlow implements Flow {

    public static final String NAME = "i-audit-and-rights";
    private static final List<String> SERVICES = List.of("org", "grid", "issue", "property", "points");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FlowResult run(Gateway gateway) {
        FlowResult.Builder result = FlowResult.of(NAME);
        Instant start = Instant.now().minusSeconds(5);
        Gateway recorded = gateway.recordingWrites();
        new TrustAccountFlow().run(recorded);
        new FocusAndSanctionFlow().run(recorded);
        Session auditor = gateway.demoAccount("demo.auditadmin");
        everyWriteIsInTheTrail(recorded.writes(), trailSince(auditor, start));

        Session admin = gateway.admin();
        Neighbourhood n = Neighbourhood.complete(admin);
        assertThat(auditor.post("/api/v1/org-units", Map.of("name", "审计员不得建的社区" + n.run(), "type", "COMMUNITY",
                "parentId", n.streetId())).status()).isEqualTo(403);
        Session system = gateway.demoAccount("demo.systemadmin");
        for (String service : SERVICES) {
            assertThat(system.get(trail(service) + "/records").status()).isEqualTo(403);
            assertThat(admin.get(trail(service) + "/records").status()).isEqualTo(403);
            JsonNode verification = auditor.get(trail(service) + "/verification").ok();
            assertThat(verification.path("firstBreak").isNull() || verification.path("firstBreak").isMissingNode())
                    .as("%s's chain: %s", service, verification).isTrue();
        }

        People.PartyMember member = People.partyMember(admin, n);
        Session resident = gateway.signIn(member.username(), Neighbourhood.PASSWORD);
        JsonNode own = ownMemberRecord(resident.get("/api/v1/personal-data").ok(), member.memberId());
        assertThat(own.path("idNumber").asString()).matches("\\d{17}[0-9X]");
        Lag read = Lag.start();
        Instant readAt = Instant.now().minusSeconds(1);
        admin.get("/api/v1/party-members/" + member.memberId()).ok();
        JsonNode reads = resident.get("/api/v1/personal-data").ok().path("unmaskedReads");
        result.lag("unmasked read→resident sees it", read.elapsed());
        assertThat(StreamSupport.stream(reads.spliterator(), false).anyMatch(r ->
                member.memberId().equals(r.path("resourceId").asString()) && "admin".equals(r.path("actorUsername").asString())
                        && r.path("fields").toString().contains("idNumber")
                        && Instant.parse(r.path("at").asString()).isAfter(readAt))).isTrue();

        String request = resident.post("/api/v1/personal-data/correction-requests", Map.of("part", "ORG",
                "recordId", member.memberId(), "field", "phone", "requestedValue", "13912345678",
                "reason", "换了手机号")).expect(201).path("id").asString();
        Session stranger = People.communityAdmin(gateway, admin, Neighbourhood.complete(admin));
        assertThat(stranger.post("/api/v1/correction-requests/" + request + "/answer",
                Map.of("decision", "CORRECTED", "answer", "已更正")).status()).isEqualTo(403);
        People.communityAdmin(gateway, admin, n).post("/api/v1/correction-requests/" + request + "/answer",
                Map.of("decision", "CORRECTED", "answer", "已按新号码更正")).ok();
        JsonNode mine = resident.get("/api/v1/personal-data/correction-requests").ok().path("content").get(0);
        assertThat(mine.path("status").asString()).isEqualTo("CORRECTED");
        assertThat(mine.path("answer").asString()).isEqualTo("已按新号码更正");
        return result.build();
    }

    private static void everyWriteIsInTheTrail(List<Gateway.Write> writes, Map<String, JsonNode> trail) {
        assertThat(writes).hasSizeGreaterThan(20);
        for (Gateway.Write write : writes) {
            JsonNode record = trail.get(write.requestId());
            assertThat(record).as("audit record of %s %s (%s)", write.method(), write.path(), write.requestId())
                    .isNotNull();
            assertThat(record.path("operation").asString()).startsWith(write.method() + " ");
            assertThat(record.path("path").asString()).isEqualTo(write.path().replaceAll("\\?.*", ""));
            assertThat(record.path("status").asInt()).isEqualTo(write.status());
            assertThat(record.path("at").asString()).isNotBlank();
            if (write.signedIn()) {
                assertThat(record.path("actor").path("accountId").asString()).isNotBlank();
            }
        }
    }

    /** Every record of the five trails since {@code start}, by request id. */
    private static Map<String, JsonNode> trailSince(Session auditor, Instant start) {
        Map<String, JsonNode> byRequestId = new HashMap<>();
        for (String service : SERVICES) {
            for (int page = 0; ; page++) {
                JsonNode records = auditor.get(trail(service) + "/records?size=200&page=" + page + "&from=" + start).ok();
                records.path("content").forEach(r -> byRequestId.putIfAbsent(r.path("requestId").asString(), r));
                if (page + 1 >= records.path("page").path("totalPages").asInt()) {
                    break;
                }
            }
        }
        return byRequestId;
    }

    private static JsonNode ownMemberRecord(JsonNode download, String memberId) {
        return StreamSupport.stream(download.path("org").path("partyMembers").spliterator(), false)
                .filter(m -> memberId.equals(m.path("id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("the download holds no member record " + memberId + ": " + download));
    }

    private static String trail(String service) {
        return "/api/v1/audit-trails/" + service;
    }
}
