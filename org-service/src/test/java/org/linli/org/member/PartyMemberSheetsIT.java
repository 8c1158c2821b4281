package org.linli.org.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.org.identity.InitialPasswords;
import org.linli.platform.sheets.SheetMedia;
import org.linli.platform.sheets.SheetReader;
import org.linli.platform.sheets.SheetRow;
import org.linli.platform.sheets.SheetWriter;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The party members roster in Excel through org-service's API: bad rows, valid rows, export round trip, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class PartyMemberSheetsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> BAD_ROWS = Set.of(5, 9, 14, 20);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String admin;
    private String branch;
    private String otherBranch;
    private String community;
    private String otherCommunity;

    @BeforeEach
    void twoCommunitiesWithABranchEach() throws Exception {
        admin = token("admin", "test-admin-password");
        String street = createUnit("STREET_COMMITTEE", "表格街道党工委", null);
        community = createUnit("COMMUNITY_COMMITTEE", "表格社区党委", street);
        branch = createUnit("GRID_BRANCH", "表格第一网格党支部", community);
        otherCommunity = createUnit("COMMUNITY_COMMITTEE", "另一社区党委", street);
        otherBranch = createUnit("GRID_BRANCH", "另一网格党支部", otherCommunity);
    }

    @Test
    void aSheetWithBadRowsAnswersThemWithReasonsAndStoresNothingUnlessValidRowsAreAskedFor() throws Exception {
        byte[] sheet = sheet(rowsWithFourBad(25));
        String communityAdmin = accountToken("COMMUNITY_ADMIN", community);

        JsonNode problem = json(upload(sheet, "", communityAdmin).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("sheet-rows-invalid")));
        Map<Integer, String> codes = new HashMap<>();
        problem.get("rows").forEach(row -> codes.put(row.get("row").asInt(), row.get("code").asString()));
        assertThat(codes).containsOnlyKeys(BAD_ROWS).containsEntry(5, "invalid-id-number")
                .containsEntry(9, "dual-registration-required").containsEntry(14, "unknown-unit")
                .containsEntry(20, "duplicate-in-sheet");
        assertThat(problem.toString()).doesNotContain("420602"); // ID numbers are never repeated in reasons
        assertThat(inBranch()).isZero();

        JsonNode stored = json(upload(sheet, "?mode=valid-rows", communityAdmin).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(25))
                .andExpect(jsonPath("$.stored").value(21)));
        Set<Integer> rejected = new TreeSet<>();
        stored.get("rejected").forEach(row -> rejected.add(row.get("row").asInt()));
        assertThat(rejected).isEqualTo(BAD_ROWS);
        assertThat(inBranch()).isEqualTo(21);
        PartyMember one = mongo.findOne(Query.query(Criteria.where("branchId").is(branch)), PartyMember.class);
        PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, one.id(), "PartyMemberRegistered");
    }

    @Test
    void anExportShowsIdNumbersToTheAdminOnlyAndIsRefusedAsAlreadyRegisteredWhenImportedAgain() throws Exception {
        List<Map<String, Object>> input = rowsWithFourBad(0);
        for (int i = 0; i < 6; i++) {
            input.add(member("党员" + i, nextIdNumber(), i % 2 == 0 ? "RESIDENT" : "在职党员"));
        }
        upload(sheet(input), "", admin).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(6));

        byte[] exported = mvc.perform(withToken(get("/api/v1/party-members/export").param("branchId", branch), admin))
                .andExpect(status().isOk()).andExpect(content().contentType(SheetMedia.XLSX_VALUE))
                .andReturn().getResponse().getContentAsByteArray();
        List<SheetRow> rows = SheetReader.read(new ByteArrayInputStream(exported), PartyMemberSheet.LAYOUT, 100);
        assertThat(rows).extracting(row -> row.text("idNumber"))
                .containsExactlyInAnyOrderElementsOf(input.stream().map(row -> (String) row.get("idNumber")).toList());
        assertThat(rows).filteredOn(row -> "在职党员".equals(row.text("kind"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.date("registeredOn")).isEqualTo(LocalDate.of(2025, 6, 1)));

        JsonNode refused = json(upload(exported, "", admin).andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("rows")).hasSize(6)
                .allSatisfy(row -> assertThat(row.get("code").asString()).isEqualTo("already-registered"));

        byte[] masked = mvc.perform(withToken(get("/api/v1/party-members/export").param("branchId", branch),
                        accountToken("GRID_WORKER", community)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(SheetReader.read(new ByteArrayInputStream(masked), PartyMemberSheet.LAYOUT, 100))
                .allSatisfy(row -> assertThat(row.text("idNumber")).contains("**********"));
    }

    @Test
    void anotherCommunitysAdminGets403AndNothingIsStored() throws Exception {
        String otherAdmin = accountToken("COMMUNITY_ADMIN", otherCommunity);
        byte[] sheet = sheet(List.of(member("越界", nextIdNumber(), "RESIDENT")));

        upload(sheet, "", otherAdmin).andExpect(status().isForbidden());
        upload(sheet, "?mode=valid-rows", otherAdmin).andExpect(status().isForbidden());
        mvc.perform(withToken(get("/api/v1/party-members/export").param("branchId", branch), otherAdmin))
                .andExpect(status().isForbidden());
        mvc.perform(withToken(get("/api/v1/party-members/sheet-template"), accountToken("PARTY_MEMBER", community)))
                .andExpect(status().isForbidden());
        assertThat(inBranch()).isZero();
    }

    @Test
    void theTemplateReadsBackAndANonSheetIs415() throws Exception {
        byte[] template = mvc.perform(withToken(get("/api/v1/party-members/sheet-template"), admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(SheetReader.read(new ByteArrayInputStream(template), PartyMemberSheet.LAYOUT, 10))
                .singleElement().satisfies(row -> assertThat(row.text("kind")).isEqualTo("住户党员"));

        upload("not a sheet".getBytes(), "", admin).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("not-a-spreadsheet"));
    }

    /** {@code count} rows of members of the branch (from row 2), rows 5, 9, 14 and 20 broken when present. */
    private List<Map<String, Object>> rowsWithFourBad(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String repeated = null;
        for (int number = 2; number < count + 2; number++) {
            Map<String, Object> row = member("党员" + number, nextIdNumber(), "RESIDENT");
            switch (number) {
                case 3 -> repeated = (String) row.get("idNumber");
                case 5 -> row.put("idNumber", "420602198001011018");
                case 9 -> row.put("kind", "在职党员");
                case 14 -> row.put("groupId", "no-such-unit");
                case 20 -> row.put("idNumber", repeated);
                default -> { }
            }
            if (number == 9) {
                row.remove("workUnit");
                row.remove("residenceCommunityId");
                row.remove("registeredOn");
            }
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> member(String name, String idNumber, String kind) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("phone", "13871234567");
        row.put("kind", kind);
        row.put("branchId", branch);
        if (!"RESIDENT".equals(kind) && !"住户党员".equals(kind)) {
            row.put("workUnit", "县财政局");
            row.put("residenceCommunityId", community);
            row.put("registeredOn", LocalDate.of(2025, 6, 1));
        }
        return row;
    }

    /** A valid ID number (GB 11643 check character) unlikely to meet another test's. */
    private static String nextIdNumber() {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20000));
        String body = "420602" + born.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private long inBranch() {
        return mongo.count(Query.query(Criteria.where("branchId").is(branch)), PartyMember.class);
    }

    private static byte[] sheet(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(PartyMemberSheet.LAYOUT, false)) {
            rows.forEach(row -> writer.row(row, null));
            writer.writeTo(out);
        }
        return out.toByteArray();
    }

    private ResultActions upload(byte[] sheet, String query, String token) throws Exception {
        MockPart file = new MockPart("file", "members.xlsx", sheet);
        file.getHeaders().setContentType(MediaType.parseMediaType(SheetMedia.XLSX_VALUE));
        return mvc.perform(multipart("/api/v1/party-members/imports" + query).part(file)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private String createUnit(String type, String name, String parentId) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name + UUID.randomUUID().toString()
                .substring(0, 4)));
        if (parentId == null) {
            body.put("templateId", "FIVE_LEVEL");
        } else {
            body.put("parentId", parentId);
        }
        return json(mvc.perform(withToken(post("/api/v1/org-units"), admin).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated())).get("id").asString();
    }

    private String accountToken(String role, String orgUnitId) throws Exception {
        String username = "sheet-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(withToken(post("/api/v1/accounts"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("username", username, "password",
                                InitialPasswords.INITIAL, "roles", List.of(role), "orgUnitId", orgUnitId))))
                .andExpect(status().isCreated());
        InitialPasswords.changeInitial(mvc, username, "Sheet-Test-Pass1");
        return token(username, "Sheet-Test-Pass1");
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
