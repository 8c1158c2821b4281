package org.linli.grid.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.grid.GridFixture;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The grid workers roster in Excel through the API: bad rows, valid rows, export round trip, masking, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class GridWorkerSheetsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final List<String> gridsA = new ArrayList<>();
    private String gridB;
    private final RequestPostProcessor adminA = GridFixture.admin("community-a");

    @BeforeEach
    void threeGridsInOneCommunityAndOneInAnother() throws Exception {
        GridFixture fixture = new GridFixture(mvc, mongo);
        fixture.reset(List.of("grids", "grid_worker_appointments"), "community-a", "community-b");
        gridsA.clear();
        for (int i = 0; i < 3; i++) {
            gridsA.add(fixture.grid("community-a", "LEVEL_1", "甲" + i + "网格", null, 0.01 * i, 0, 0.01 * i + 0.01,
                    0.01));
        }
        gridB = fixture.grid("community-b", "LEVEL_1", "乙网格", null, 0.05, 0, 0.06, 0.01);
    }

    @Test
    void badRowsAreAnsweredWithReasonsAndNothingIsStoredUnlessValidRowsAreAskedFor() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(gridsA.get(0), "网格员", "13912340001"));
        rows.add(row(gridsA.get(0), "红色巷长", "13912340002"));
        rows.add(row(gridsA.get(1), "GRID_WORKER", "1391234"));
        rows.add(row("no-such-grid", "网格员", "13912340004"));
        rows.add(row(gridsA.get(0), "网格员", "13912340005"));
        rows.add(row(gridsA.get(2), "组长", "13912340006"));
        rows.add(row(gridsA.get(2), "网格员", "13912340007"));
        byte[] sheet = sheet(rows);

        JsonNode problem = json(upload(sheet, "", adminA).andExpect(status().isUnprocessableContent()));
        Map<Integer, String> codes = new HashMap<>();
        problem.get("rows").forEach(row -> codes.put(row.get("row").asInt(), row.get("code").asString()));
        assertThat(codes).containsOnly(Map.entry(4, "invalid-phone"), Map.entry(5, "unknown-grid"),
                Map.entry(6, "grid-role-twice-in-sheet"), Map.entry(7, "unknown-worker-role"));
        assertThat(problem.toString()).doesNotContain("1391234000");
        assertThat(mongo.count(new Query(), GridWorker.class)).isZero();

        upload(sheet, "?mode=valid-rows", adminA).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(3))
                .andExpect(jsonPath("$.rejected.length()").value(4));
        assertThat(mongo.count(new Query(), GridWorker.class)).isEqualTo(3);
        GridWorker one = mongo.findOne(new Query(), GridWorker.class);
        PublishedEvents.awaitFirst(bootstrapServers, Topics.GRID_EVENTS, one.id(), "GridWorkerAppointed");
    }

    @Test
    void anExportShowsPhonesToAdminsOnlyAndIsRefusedWhileItsAppointmentsAreActive() throws Exception {
        upload(sheet(List.of(row(gridsA.get(0), "网格员", "13912340001"), row(gridsA.get(1), "网格员", "13912340002"))),
                "", adminA).andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2));

        byte[] exported = export(adminA);
        List<SheetRow> rows = SheetReader.read(new ByteArrayInputStream(exported), GridWorkerSheet.LAYOUT, 10);
        assertThat(rows).extracting(row -> row.text("phone")).containsExactlyInAnyOrder("13912340001", "13912340002");
        assertThat(rows).allSatisfy(row -> assertThat(row.date("from")).isEqualTo(LocalDate.of(2026, 1, 5)));

        JsonNode refused = json(upload(exported, "", adminA).andExpect(status().isUnprocessableContent()));
        assertThat(refused.get("rows")).hasSize(2)
                .allSatisfy(row -> assertThat(row.get("code").asString()).isEqualTo("grid-has-worker"));

        byte[] masked = export(GridFixture.caller("GRID_WORKER", "community-a", "worker-1"));
        assertThat(SheetReader.read(new ByteArrayInputStream(masked), GridWorkerSheet.LAYOUT, 10))
                .allSatisfy(row -> assertThat(row.text("phone")).contains("****"));
    }

    @Test
    void anotherCommunitysAdminGets403AndNothingIsStored() throws Exception {
        RequestPostProcessor adminB = GridFixture.admin("community-b");
        byte[] sheet = sheet(List.of(row(gridB, "网格员", "13912340001"), row(gridsA.get(0), "网格员", "13912340002")));

        upload(sheet, "", adminB).andExpect(status().isForbidden());
        upload(sheet, "?mode=valid-rows", adminB).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers/export").param("gridId", gridsA.get(0)).with(adminB))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grid-workers/sheet-template")
                        .with(GridFixture.caller("GRID_WORKER", "community-a", "worker-1")))
                .andExpect(status().isForbidden());
        assertThat(mongo.count(new Query(), GridWorker.class)).isZero();
    }

    private byte[] export(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/grid-workers/export").with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static Map<String, Object> row(String gridId, String role, String phone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("gridId", gridId);
        row.put("role", role);
        row.put("name", "李梅");
        row.put("phone", phone);
        row.put("source", "村（社区）干部");
        row.put("partyMember", "是");
        row.put("from", LocalDate.of(2026, 1, 5));
        return row;
    }

    private static byte[] sheet(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(GridWorkerSheet.LAYOUT, false)) {
            rows.forEach(row -> writer.row(row, null));
            writer.writeTo(out);
        }
        return out.toByteArray();
    }

    private ResultActions upload(byte[] sheet, String query, RequestPostProcessor who) throws Exception {
        MockPart file = new MockPart("file", "workers.xlsx", sheet);
        file.getHeaders().setContentType(MediaType.parseMediaType(SheetMedia.XLSX_VALUE));
        return mvc.perform(multipart("/api/v1/grid-workers/imports" + query).part(file).with(who));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
