package org.linli.org.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.org.identity.TestAccounts;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.SimultaneousRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 履职清单 through the API: a street applies 三帮五督, a community names an alley chief, the chief records duties,
 * the month's reports per person and per community, an overdue month, and another community's admin refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class DutiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoOperations mongo;

    @Test
    void anAlleyChiefsDutiesAreCountedAgainstTheStreetsQuotaInMonthlyReports() throws Exception {
        String county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(county, Map.of("type", "STREET_COMMITTEE", "name", "八所镇党委" + UUID.randomUUID(),
                "templateId", "FIVE_LEVEL"));
        String community = create(county, Map.of("type", "COMMUNITY_COMMITTEE", "name", "东海社区党委",
                "parentId", street));
        String alley = create(county, Map.of("type", "GRID_BRANCH", "name", "东海一巷党支部", "parentId", community));
        String otherCommunity = create(county, Map.of("type", "COMMUNITY_COMMITTEE", "name", "西海社区党委",
                "parentId", street));
        String streetAdmin = TestAccounts.bearerOf(mvc, county, "STREET_ADMIN", street);
        String admin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", community);
        String stranger = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", otherCommunity);
        String chief = TestAccounts.bearerOf(mvc, county, "PARTY_MEMBER", alley);
        String chiefId = idOf(chief);
        String worker = TestAccounts.bearerOf(mvc, county, "GRID_WORKER", alley);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth thisMonth = YearMonth.from(today);
        YearMonth lastMonth = thisMonth.minusMonths(1);

        // the street applies 三帮五督 from last month; a community admin sets no quota
        call(admin, "/api/v1/duty-quotas", Map.of("unitId", community, "template", "SAN_BANG_WU_DU"))
                .andExpect(status().isForbidden());
        call(streetAdmin, "/api/v1/duty-quotas", Map.of("unitId", street, "template", "SAN_BANG_WU_DU",
                "fromMonth", lastMonth.toString())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("ALLEY_CHIEF"))
                .andExpect(jsonPath("$.versions[0].items.length()").value(8));

        // the community names its alley chief and a grid worker (no quota for grid workers here)
        call(stranger, "/api/v1/duty-holders", Map.of("accountId", chiefId, "role", "ALLEY_CHIEF", "unitId", alley))
                .andExpect(status().isForbidden());
        call(admin, "/api/v1/duty-holders", Map.of("accountId", chiefId, "role", "ALLEY_CHIEF", "unitId", alley))
                .andExpect(status().isCreated());
        call(admin, "/api/v1/duty-holders", Map.of("accountId", idOf(worker), "role", "GRID_WORKER",
                "unitId", alley)).andExpect(status().isCreated());

        // last month: the sanitation checks only; this month two livelihood services, one recorded by the admin
        LocalDate endOfLastMonth = thisMonth.atDay(1).minusDays(1);
        for (int i = 0; i < 4; i++) {
            duty(chief, null, "SUPERVISE_SANITATION", endOfLastMonth).andExpect(status().isCreated());
        }
        duty(chief, null, "HELP_LIVELIHOOD", today).andExpect(status().isCreated());
        duty(admin, chiefId, "HELP_LIVELIHOOD", today).andExpect(status().isCreated())
                .andExpect(jsonPath("$.label").value("帮助服务民生"));
        duty(stranger, chiefId, "HELP_LIVELIHOOD", today).andExpect(status().isForbidden());
        duty(chief, null, "GRID_VISIT", today).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duty-kind-not-in-quota"));
        duty(chief, null, "HELP_SECURITY", today.plusDays(1)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duty-date-in-future"));
        duty(chief, null, "HELP_SECURITY", today.minusDays(32)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duty-date-too-old"));

        // the chief's own report: last month ended short (overdue), this month is running
        read(chief, "/api/v1/duty-reports/holders/" + chiefId, lastMonth).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].role").value("ALLEY_CHIEF"))
                .andExpect(jsonPath("$[0].required").value(15))
                .andExpect(jsonPath("$[0].done").value(4))
                .andExpect(jsonPath("$[0].percent").value(26))
                .andExpect(jsonPath("$[0].overdue").value(true))
                .andExpect(jsonPath("$[0].items[?(@.kind == 'SUPERVISE_SANITATION')].overdue").value(false))
                .andExpect(jsonPath("$[0].items[?(@.kind == 'HELP_LIVELIHOOD')].overdue").value(true));
        read(chief, "/api/v1/duty-reports/holders/" + chiefId, thisMonth).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].items[?(@.kind == 'HELP_LIVELIHOOD')].done").value(2))
                .andExpect(jsonPath("$[0].items[?(@.kind == 'HELP_LIVELIHOOD')].percent").value(100))
                .andExpect(jsonPath("$[0].overdue").value(false));
        read(stranger, "/api/v1/duty-reports/holders/" + chiefId, lastMonth).andExpect(status().isForbidden());
        read(worker, "/api/v1/duty-reports/holders/" + chiefId, lastMonth).andExpect(status().isForbidden());

        // the community's report: two holders, one under a quota
        read(admin, "/api/v1/duty-reports/units/" + community, lastMonth).andExpect(status().isOk())
                .andExpect(jsonPath("$.holders.length()").value(2))
                .andExpect(jsonPath("$.summary.holders").value(1))
                .andExpect(jsonPath("$.summary.averagePercent").value(26))
                .andExpect(jsonPath("$.summary.fullyComplete").value(0))
                .andExpect(jsonPath("$.summary.withOverdue").value(1))
                .andExpect(jsonPath("$.holders[?(@.role == 'GRID_WORKER')].quotaApplies").value(false))
                .andExpect(jsonPath("$.holders[?(@.role == 'GRID_WORKER')].complete").value(false));
        read(streetAdmin, "/api/v1/duty-reports/units/" + street, lastMonth).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.holders").value(1));
        read(stranger, "/api/v1/duty-reports/units/" + community, lastMonth).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/duty-reports/units/" + community).param("month", "2026-13")
                .header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isBadRequest());
    }

    /**
     * One quota per unit and role (its revisions are versions inside it) and one holder record per account and role,
     * however the requests race: the unique indexes refuse the second insert (409 already-exists), the quota's
     * version refuses a second revision made from the same version (409 stale-version).
     */
    @Test
    void aQuotaAHolderAndARevisionSentEightTimesAtOnceAreStoredOnce() throws Exception {
        String county = "Bearer " + JSON.readTree(mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "password")
                        .param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        String street = create(county, Map.of("type", "STREET_COMMITTEE", "name", "新街镇党委" + UUID.randomUUID(),
                "templateId", "FIVE_LEVEL"));
        String community = create(county, Map.of("type", "COMMUNITY_COMMITTEE", "name", "新街社区党委",
                "parentId", street));
        String alley = create(county, Map.of("type", "GRID_BRANCH", "name", "新街三巷党支部", "parentId", community));
        String streetAdmin = TestAccounts.bearerOf(mvc, county, "STREET_ADMIN", street);
        String admin = TestAccounts.bearerOf(mvc, county, "COMMUNITY_ADMIN", community);
        String chiefId = idOf(TestAccounts.bearerOf(mvc, county, "PARTY_MEMBER", alley));

        List<MockHttpServletResponse> quotas = SimultaneousRequests.perform(mvc, 8, i -> json(streetAdmin,
                "/api/v1/duty-quotas", Map.of("unitId", street, "template", "SAN_BANG_WU_DU")));
        assertThat(SimultaneousRequests.statuses(quotas)).isEqualTo(Map.of(201, 1, 409, 7));
        assertThat(SimultaneousRequests.problemCodes(quotas)).containsOnly("already-exists");
        List<DutyQuota> stored = mongo.find(Query.query(Criteria.where("unitId").is(street)), DutyQuota.class);
        assertThat(stored).hasSize(1);

        List<MockHttpServletResponse> holders = SimultaneousRequests.perform(mvc, 8, i -> json(admin,
                "/api/v1/duty-holders", Map.of("accountId", chiefId, "role", "ALLEY_CHIEF", "unitId", alley)));
        assertThat(SimultaneousRequests.statuses(holders)).isEqualTo(Map.of(201, 1, 409, 7));
        assertThat(SimultaneousRequests.problemCodes(holders)).containsOnly("already-exists");
        assertThat(mongo.count(Query.query(Criteria.where("accountId").is(chiefId)), DutyAssignment.class))
                .isEqualTo(1);

        List<MockHttpServletResponse> revisions = SimultaneousRequests.perform(mvc, 8, i -> json(streetAdmin,
                "/api/v1/duty-quotas/" + stored.get(0).id() + "/revisions", Map.of("version", 0, "items", List.of(
                        Map.of("kind", "SUPERVISE_SANITATION", "label", "监督环境卫生", "count", i + 1,
                                "period", "MONTH")))));
        assertThat(SimultaneousRequests.statuses(revisions)).isEqualTo(Map.of(200, 1, 409, 7));
        assertThat(SimultaneousRequests.problemCodes(revisions)).containsOnly("stale-version");
        DutyQuota revised = mongo.findById(stored.get(0).id(), DutyQuota.class);
        assertThat(revised.version()).isEqualTo(1);
        assertThat(revised.versions()).hasSize(2);
    }

    private ResultActions duty(String bearer, String holderId, String kind, LocalDate doneOn) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("role", "ALLEY_CHIEF", "kind", kind,
                "doneOn", doneOn.toString(), "note", "巷内巡查", "place", "东海一巷"));
        if (holderId != null) {
            body.put("holderId", holderId);
        }
        return call(bearer, "/api/v1/duty-records", body);
    }

    private ResultActions read(String bearer, String path, YearMonth month) throws Exception {
        return mvc.perform(get(path).param("month", month.toString()).header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private String idOf(String bearer) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/accounts/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String create(String bearer, Map<String, Object> unit) throws Exception {
        return body(call(bearer, "/api/v1/org-units", unit).andExpect(status().isCreated())).get("id").asString();
    }

    private ResultActions call(String bearer, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(json(bearer, path, body));
    }

    private static MockHttpServletRequestBuilder json(String bearer, String path, Map<String, Object> body) {
        return post(path).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
