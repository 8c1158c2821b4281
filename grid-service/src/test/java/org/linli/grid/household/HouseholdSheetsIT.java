package org.linli.grid.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.grid.GridFixture;
import org.linli.platform.sheets.SheetColumn;
import org.linli.platform.sheets.SheetLayout;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The households roster in Excel through the API: template, all-or-nothing and valid-rows imports, export, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class HouseholdSheetsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Rows 2..1001; these ten (sheet row numbers) are broken, each in another way. */
    private static final Set<Integer> BAD_ROWS = Set.of(12, 101, 202, 303, 404, 505, 606, 707, 808, 1001);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String gridA;
    private String buildingA;
    private String buildingB;
    private final RequestPostProcessor adminA = GridFixture.admin("community-a");

    @BeforeEach
    void twoCommunitiesWithABuildingEach() throws Exception {
        GridFixture fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "buildings", "households"), "community-a", "community-b");
        gridA = fixture.grid("community-a", "LEVEL_1", "甲网格", null, 0, 0, 0.01, 0.01);
        String gridB = fixture.grid("community-b", "LEVEL_1", "乙网格", null, 0.01, 0, 0.02, 0.01);
        buildingA = fixture.building("community-a", gridA, "1号楼");
        buildingB = fixture.building("community-b", gridB, "2号楼");
    }

    @Test
    void aThousandRowSheetWithTenBadRowsAnswersTheTenWithReasonsAndStoresNothing() throws Exception {
        byte[] sheet = thousandRows();

        JsonNode problem = json(upload(sheet, "", adminA).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("sheet-rows-invalid")));

        Set<Integer> rows = new TreeSet<>();
        problem.get("rows").forEach(row -> {
            rows.add(row.get("row").asInt());
            assertThat(row.get("reason").asString()).isNotBlank();
        });
        assertThat(rows).isEqualTo(BAD_ROWS);
        assertThat(fieldsOf(problem)).containsEntry(101, "buildingUnit").containsEntry(202, "residents")
                .containsEntry(303, "phone").containsEntry(404, "headName").containsEntry(505, "specialGroups")
                .containsEntry(606, "residents").containsEntry(707, "buildingId").containsEntry(808, "registerId")
                .containsEntry(1001, "linkedMemberId");
        assertThat(problem.toString()).doesNotContain("13800000303x"); // the bad phone is not repeated
        assertThat(mongo.count(new Query(), Household.class)).isZero();
    }

    @Test
    void theBadRowsComeBackAsASheetWithReasonsWhenTheClientAcceptsXlsx() throws Exception {
        byte[] answer = upload(thousandRows(), "", adminA, SheetMedia.XLSX_VALUE)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(SheetMedia.XLSX_VALUE))
                .andReturn().getResponse().getContentAsByteArray();

        SheetLayout withReason = new SheetLayout("住户", List.of(SheetColumn.text("room", "房号", false, null),
                SheetColumn.text("reason", SheetLayout.REASON_HEADER, true, null)));
        List<SheetRow> rows = SheetReader.read(new ByteArrayInputStream(answer), withReason, 100);
        assertThat(rows).hasSize(10).allSatisfy(row -> assertThat(row.text("reason")).isNotBlank());
        assertThat(rows).extracting(row -> row.text("room")).contains("r101", "r1001");
        assertThat(mongo.count(new Query(), Household.class)).isZero();
    }

    @Test
    void validRowsModeStoresExactlyTheGoodRowsWithTheirEventsAndAnswersTheBadOnes() throws Exception {
        JsonNode answer = json(upload(thousandRows(), "?mode=valid-rows", adminA).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1000))
                .andExpect(jsonPath("$.stored").value(990)));

        Set<Integer> rejected = new TreeSet<>();
        answer.get("rejected").forEach(row -> rejected.add(row.get("row").asInt()));
        assertThat(rejected).isEqualTo(BAD_ROWS);
        assertThat(mongo.count(new Query(), Household.class)).isEqualTo(990);
        Household one = mongo.findOne(Query.query(org.springframework.data.mongodb.core.query.Criteria
                .where("registerId").is("R-2")), Household.class);
        assertThat(one).isNotNull();
        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, one.id(),
                "HouseholdRegistered");
        PublishedEvents.assertMatchesExample(event, "grid-events");
    }

    @Test
    void anExportImportsBackAndIsRefusedAsAlreadyRegisteredWhileItsHouseholdsExist() throws Exception {
        List<Map<String, Object>> input = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> row = row(i % 2 == 0 ? null : "R-" + i, buildingA, "1", "r" + i, i % 5 + 1);
            row.put("specialGroups", i % 3 == 0 ? "独居老人、残疾人" : null);
            input.add(row);
        }
        upload(sheet(input), "", adminA).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(20));

        byte[] exported = mvc.perform(get("/api/v1/households/export").param("gridId", gridA).with(adminA))
                .andExpect(status().isOk())
                .andExpect(content().contentType(SheetMedia.XLSX_VALUE))
                .andReturn().getResponse().getContentAsByteArray();

        List<SheetRow> rows = SheetReader.read(new ByteArrayInputStream(exported), HouseholdSheet.LAYOUT, 100);
        assertThat(rows).hasSize(20).extracting(row -> row.text("phone")).containsOnly("13812345678");
        assertThat(rows).extracting(row -> row.text("room") + "/" + row.integer("residents") + "/"
                        + row.text("specialGroups"))
                .containsExactlyInAnyOrderElementsOf(input.stream().map(row -> row.get("room") + "/"
                        + row.get("residents") + "/" + (row.get("specialGroups") == null ? null : "独居老人、残疾人"))
                        .toList());

        JsonNode refused = json(upload(exported, "", adminA).andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("rows")).hasSize(20)
                .allSatisfy(row -> assertThat(row.get("code").asString()).isEqualTo("already-registered"));

        mongo.remove(new Query(), Household.class);
        upload(exported, "", adminA).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(20));
        assertThat(mongo.count(new Query(), Household.class)).isEqualTo(20);
    }

    @Test
    void aPartyMembersExportMasksPhones() throws Exception {
        upload(sheet(List.of(row("R-1", buildingA, "1", "101", 2))), "", adminA).andExpect(status().isOk());

        byte[] exported = mvc.perform(get("/api/v1/households/export")
                        .with(GridFixture.caller("PARTY_MEMBER", "community-a", "member-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(SheetReader.read(new ByteArrayInputStream(exported), HouseholdSheet.LAYOUT, 10))
                .singleElement().satisfies(row -> assertThat(row.text("phone")).isEqualTo("138****5678"));
    }

    @Test
    void anotherCommunitysAdminGets403AndNothingIsStored() throws Exception {
        RequestPostProcessor adminB = GridFixture.admin("community-b");
        byte[] sheetOfA = sheet(List.of(row("R-1", buildingA, "1", "101", 2), row("R-2", buildingB, "1", "102", 2)));

        upload(sheetOfA, "", adminB).andExpect(status().isForbidden());
        upload(sheetOfA, "?mode=valid-rows", adminB).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/export").param("gridId", gridA).with(adminB))
                .andExpect(status().isForbidden());
        upload(sheetOfA, "", GridFixture.caller("PARTY_MEMBER", "community-a", "member-1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/sheet-template")
                        .with(GridFixture.caller("RESIDENT", "community-a", "resident-1")))
                .andExpect(status().isForbidden());
        assertThat(mongo.count(new Query(), Household.class)).isZero();
    }

    @Test
    void theTemplateHasChineseHeadersAndAnExampleRow() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/households/sheet-template")
                        .with(GridFixture.caller("GRID_WORKER", "community-a", "worker-1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(SheetMedia.XLSX_VALUE))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(SheetReader.read(new ByteArrayInputStream(template), HouseholdSheet.LAYOUT, 10))
                .singleElement().satisfies(row -> {
                    assertThat(row.text("headName")).isEqualTo("张三");
                    assertThat(row.integer("residents")).isEqualTo(3);
                });
    }

    @Test
    void uploadsThatAreNoSheetOrTooLargeAreClientErrorsNever500() throws Exception {
        upload("房号,人数\n101,2\n".getBytes(), "", adminA).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("not-a-spreadsheet"));
        upload("房号,人数\n101,2\n".getBytes(), "", adminA, SheetMedia.XLSX_VALUE)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("not-a-spreadsheet"));
        upload(sheet(List.of(row(null, buildingA, "1", "1", 1))), "", GridFixture.admin("community-b"),
                SheetMedia.XLSX_VALUE).andExpect(status().isForbidden());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= HouseholdSheetImports.MAX_ROWS; i++) {
            tooMany.add(row(null, buildingA, "1", "r" + i, 1));
        }
        upload(sheet(tooMany), "", adminA).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("sheet-too-many-rows"));
        SheetLayout partial = new SheetLayout("住户", List.of(SheetColumn.text("room", "房号", true, "101")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.template(partial, out);
        upload(out.toByteArray(), "", adminA).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("sheet-columns-missing"));
        upload(sheet(List.of(row(null, buildingA, "1", "1", 1))), "?mode=some", adminA)
                .andExpect(status().isBadRequest());
        assertThat(mongo.count(new Query(), Household.class)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresOnce() throws Exception {
        byte[] sheet = sheet(List.of(row(null, buildingA, "1", "101", 2), row(null, buildingA, "1", "102", 3)));

        mvc.perform(withFile(sheet, "").header("Idempotency-Key", "sheet-1").with(adminA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2));
        mvc.perform(withFile(sheet, "").header("Idempotency-Key", "sheet-1").with(adminA))
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"));

        assertThat(mongo.count(new Query(), Household.class)).isEqualTo(2);
    }

    /** 1,000 rows of community A's building; the rows of {@link #BAD_ROWS} each broken in another way. */
    private byte[] thousandRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int number = 2; number <= 1001; number++) {
            Map<String, Object> row = row("R-" + number, buildingA, "1", "r" + number, 2);
            switch (number) {
                case 12 -> row.remove("room");
                case 101 -> row.put("buildingUnit", "9");
                case 202 -> row.put("residents", 0);
                case 303 -> row.put("phone", "13800000303x");
                case 404 -> row.put("headName", "名".repeat(101));
                case 505 -> row.put("specialGroups", "外星人");
                case 606 -> row.put("residents", "两");
                case 707 -> row.put("buildingId", "no-such-building");
                case 808 -> row.put("registerId", "R-2");
                case 1001 -> row.put("linkedMemberId", "member-1");
                default -> { }
            }
            rows.add(row);
        }
        return sheet(rows);
    }

    private static Map<String, Object> row(String registerId, String building, String unit, String room, int residents) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (registerId != null) {
            row.put("registerId", registerId);
        }
        row.put("buildingId", building);
        row.put("buildingUnit", unit);
        row.put("room", room);
        row.put("headName", "住户" + room);
        row.put("residents", residents);
        row.put("phone", "13812345678");
        return row;
    }

    private static byte[] sheet(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(HouseholdSheet.LAYOUT, false)) {
            rows.forEach(row -> writer.row(row, null));
            writer.writeTo(out);
        }
        return out.toByteArray();
    }

    private ResultActions upload(byte[] sheet, String query, RequestPostProcessor who) throws Exception {
        return mvc.perform(withFile(sheet, query).with(who));
    }

    private ResultActions upload(byte[] sheet, String query, RequestPostProcessor who, String accept) throws Exception {
        return mvc.perform(withFile(sheet, query).header(HttpHeaders.ACCEPT, accept).with(who));
    }

    private static MockMultipartHttpServletRequestBuilder withFile(byte[] sheet, String query) {
        MockPart file = new MockPart("file", "households.xlsx", sheet);
        file.getHeaders().setContentType(MediaType.parseMediaType(SheetMedia.XLSX_VALUE));
        return multipart("/api/v1/households/imports" + query).part(file);
    }

    private static Map<Integer, String> fieldsOf(JsonNode problem) {
        Map<Integer, String> fields = new HashMap<>();
        problem.get("rows").forEach(row -> fields.put(row.get("row").asInt(),
                row.get("field") == null || row.get("field").isNull() ? null : row.get("field").asString()));
        return fields;
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
