package org.linli.org.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.org.member.PartyMemberMother;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** org-service's audit trail through its HTTP API: writes, refusals, sign-ins, unmasked reads, who may read it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class AuditTrailIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRAIL = "/api/v1/audit-trails/org";

    @Autowired
    MockMvc mvc;

    @Test
    void writesRefusalsAndFailedSignInsAppearWithWhoWhatWhenAndOutcome() throws Exception {
        String admin = token("admin", "test-admin-password");
        String streetId = createUnit(admin, "STREET_COMMITTEE", "审计街道党工委", null);
        String auditorId = "auditor-" + UUID.randomUUID();
        mvc.perform(post("/api/v1/org-units").with(caller(auditorId, null, "AUDIT_ADMIN"))
                        .header("X-Forwarded-For", "203.0.113.9, 10.0.0.2")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"STREET_COMMITTEE\",\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
        String tried = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", tried).param("password", "secret-guess-1"))
                .andExpect(status().isUnauthorized());
        RequestPostProcessor countyAuditor = caller("county-auditor", null, "AUDIT_ADMIN");

        JsonNode created = records(countyAuditor, "operation", "POST /api/v1/org-units", "outcome", "SUCCEEDED")
                .stream().filter(record -> streetId.equals(record.path("resourceId").asString())).findFirst()
                .orElseThrow();
        assertThat(created.get("actor").get("username").asString()).isEqualTo("admin");
        assertThat(created.get("actor").get("roles").toString()).contains("COUNTY_ADMIN");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("kind").asString()).isEqualTo("WRITE");
        assertThat(created.get("at").asString()).isNotBlank();
        assertThat(created.get("requestId").asString()).isNotBlank();
        assertThat(created.get("hash").asString()).hasSize(64);

        JsonNode refused = records(countyAuditor, "accountId", auditorId).get(0);
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("operation").asString()).isEqualTo("POST /api/v1/org-units");
        assertThat(refused.get("clientAddress").asString()).isEqualTo("203.0.113.9");

        String signIns = mvc.perform(get(TRAIL + "/records").with(countyAuditor)
                        .param("operation", "POST /api/v1/auth/token").param("outcome", "REFUSED").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].signIn.username", hasItem(tried)))
                .andReturn().getResponse().getContentAsString();
        assertThat(signIns).doesNotContain("secret-guess-1").contains("SIGN_IN");

        mvc.perform(get(TRAIL + "/verification").with(countyAuditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstBreak").doesNotExist())
                .andExpect(jsonPath("$.service").value("org"));
        mvc.perform(get(TRAIL + "/records/export").with(countyAuditor).param("accountId", auditorId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(startsWith("sequence,service,at,kind,")));
        assertThat(records(countyAuditor, "accountId", "county-auditor"))
                .extracting(record -> record.get("kind").asString() + " " + record.get("operation").asString())
                .contains("AUDIT_READ GET /api/v1/audit-trails/org/records/export",
                        "AUDIT_READ GET /api/v1/audit-trails/org/verification");
    }

    @Test
    void onlyAuditAdministratorsReadTheTrail() throws Exception {
        for (String role : List.of("SYSTEM_ADMIN", "COUNTY_ADMIN", "SECURITY_ADMIN")) {
            RequestPostProcessor other = caller("someone-" + role, null, role);
            mvc.perform(get(TRAIL + "/records").with(other)).andExpect(status().isForbidden());
            mvc.perform(get(TRAIL + "/records/export").with(other)).andExpect(status().isForbidden());
            mvc.perform(get(TRAIL + "/verification").with(other)).andExpect(status().isForbidden());
        }
        mvc.perform(get(TRAIL + "/records")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAuditorOfAnotherStreetSeesNothingOfThisStreetsActors() throws Exception {
        String streetAdmin = "street-admin-" + UUID.randomUUID();
        mvc.perform(post("/api/v1/org-units").with(caller(streetAdmin, "/county/street-a/", "STREET_ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"STREET_COMMITTEE\",\"name\":\"x\"}"));

        assertThat(records(caller("auditor-b", "/county/street-b/", "AUDIT_ADMIN"), "accountId", streetAdmin))
                .isEmpty();
        assertThat(records(caller("auditor-a", "/county/street-a/", "AUDIT_ADMIN"), "accountId", streetAdmin))
                .hasSize(1);
    }

    @Test
    void aResidentSeesWhoReadTheirUnmaskedIdNumber() throws Exception {
        String admin = token("admin", "test-admin-password");
        String street = createUnit(admin, "STREET_COMMITTEE", "读者街道党工委", null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "读者社区党委", street);
        String branch = createUnit(admin, "GRID_BRANCH", "读者网格党支部", community);
        String resident = "resident-" + UUID.randomUUID();
        String idNumber = PartyMemberMother.nextIdNumber();
        String body = mvc.perform(post("/api/v1/party-members").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"王建国\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"13871234567\","
                                + "\"kind\":\"RESIDENT\",\"branchId\":\"" + branch + "\",\"accountId\":\"" + resident + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String memberId = JSON.readTree(body).get("id").asString();
        mvc.perform(get("/api/v1/party-members/" + memberId).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(idNumber));

        String reads = mvc.perform(get(TRAIL + "/reads-of-me").with(caller(resident, null, "RESIDENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].operation").value("GET /api/v1/party-members/{id}"))
                .andExpect(jsonPath("$.content[0].actorUsername").value("admin"))
                .andExpect(jsonPath("$.content[0].resourceType").value("party-member"))
                .andExpect(jsonPath("$.content[0].resourceId").value(memberId))
                .andExpect(jsonPath("$.content[0].fields[0]").value("idNumber"))
                .andReturn().getResponse().getContentAsString();
        assertThat(reads).doesNotContain(idNumber).doesNotContain("13871234567");
        mvc.perform(get(TRAIL + "/reads-of-me").with(caller("someone-else", null, "RESIDENT")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    private List<JsonNode> records(RequestPostProcessor auditor, String... filters) throws Exception {
        var request = get(TRAIL + "/records").with(auditor).param("size", "200");
        for (int i = 0; i < filters.length; i += 2) {
            request.param(filters[i], filters[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> content = new java.util.ArrayList<>();
        JSON.readTree(body).get("content").forEach(content::add);
        return content;
    }

    /** A JWT as org-service issues it: subject, roles, username and, unless county-wide, the scope. */
    private static RequestPostProcessor caller(String accountId, String path, String role) {
        return jwt().jwt(token -> {
            token.subject(accountId).claim("roles", List.of(role)).claim("preferred_username", "user-" + accountId);
            if (path != null) {
                token.claim("org_unit_path", path).claim("org_unit_id", path.replaceAll(".*/([^/]+)/$", "$1"));
            }
        }).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private String createUnit(String token, String type, String name, String parentId) throws Exception {
        String parent = parentId == null ? ",\"templateId\":\"FIVE_LEVEL\"" : ",\"parentId\":\"" + parentId + "\"";
        String body = mvc.perform(post("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"" + type + "\",\"name\":\"" + name + "\"" + parent + "}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }
}
