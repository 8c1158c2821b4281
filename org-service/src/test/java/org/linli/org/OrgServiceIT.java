package org.linli.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.org.identity.TestAccounts;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** org-service through its HTTP API, against the in-process Kafka broker and store. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class OrgServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = TestAccounts.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void issuesATokenForTheBootstrapAdminThatOpensProtectedRoutes() throws Exception {
        String token = TestAccounts.accessToken(mvc, "admin", "test-admin-password");

        mvc.perform(get("/api/v1/accounts/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.roles[0]").value("COUNTY_ADMIN"));
        mvc.perform(get("/api/v1/accounts/me")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/accounts/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "x"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void concurrentSignInsOfOneAccountAllGetATokenNotAConflict() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> signIns = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                signIns.add(callers.submit(() -> tokenRequest("admin", "test-admin-password")
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> signIn : signIns) {
                assertThat(signIn.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void servesOnlyThePublicHalfOfTheSigningKey() throws Exception {
        mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].kty").value("RSA"))
                .andExpect(jsonPath("$.keys[0].n").exists())
                .andExpect(jsonPath("$.keys[0].d").doesNotExist());
    }

    @Test
    void locksAnAccountAfterRepeatedWrongPasswords() throws Exception {
        String username = TestAccounts.person(mvc, TestAccounts.adminBearer(mvc),
                Map.of("roles", List.of("DEPARTMENT_STAFF")));
        for (int i = 0; i < 4; i++) {
            tokenRequest(username, "wrong-password").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-credentials"));
        }
        tokenRequest(username, "wrong-password").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/account-locked"))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        tokenRequest(username, PASSWORD).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/account-locked"));
    }

    @Test
    void aRefreshTokenWorksOnceAndIsReplaced() throws Exception {
        JsonNode first = tokenResponse("admin", "test-admin-password");
        String refresh = first.get("refresh_token").asString();

        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "refresh_token").param("refresh_token", refresh))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(body).get("refresh_token").asString()).isNotEqualTo(refresh);
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "refresh_token").param("refresh_token", refresh))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-refresh-token"));
    }

    @Test
    void anIntegrationClientGetsATokenWithClientCredentialsButNoRefreshToken() throws Exception {
        String clientId = TestAccounts.integrationClient(mvc, TestAccounts.adminBearer(mvc));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + clientId
                                + "\",\"client_secret\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").exists())
                .andExpect(jsonPath("$.refresh_token").doesNotExist());
        tokenRequest(clientId, PASSWORD).andExpect(status().isUnauthorized());
    }

    @Test
    void propertyStaffNeedTheirCompanyAndTheirTokenCarriesIt() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        String street = createUnit(admin, "STREET_COMMITTEE", "物业所在街道党工委", null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "物业所在社区党委", street);
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"staff-no-company\",\"password\":\"" + PASSWORD + "\","
                                + "\"roles\":[\"PROPERTY_STAFF\"],\"orgUnitId\":\"" + community + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("company-required"));
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"worker-with-company\",\"password\":\"" + PASSWORD + "\","
                                + "\"roles\":[\"GRID_WORKER\"],\"orgUnitId\":\"" + community + "\","
                                + "\"companyId\":\"demo-company-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("company-only-for-property-staff"));
        String staff = TestAccounts.accessToken(mvc, TestAccounts.person(mvc, admin, Map.of("roles",
                List.of("PROPERTY_STAFF"), "orgUnitId", community, "companyId", "demo-company-01")), PASSWORD);
        String claims = new String(Base64.getUrlDecoder().decode(staff.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(claims).get("company_id").asString()).isEqualTo("demo-company-01");
    }

    @Test
    void aPlaceBoundRoleNeedsAUnitAndAResidentSeesNoOrgUnits() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"no-unit-worker\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"GRID_WORKER\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("scope-required"));
        String street = createUnit(admin, "STREET_COMMITTEE", "居民所在街道党工委", null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "居民所在社区党委", street);
        String resident = TestAccounts.bearerOf(mvc, admin, "RESIDENT", community);

        mvc.perform(get("/api/v1/org-units/" + community).header(HttpHeaders.AUTHORIZATION, resident))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, resident))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownGrantTypeIsRefusedWithAProblem() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "implicit"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unsupported-grant-type"));
    }

    @Test
    void aCommunityAdminWorksInsideItsCommunityAndGets403InAnother() throws Exception {
        String admin = TestAccounts.adminBearer(mvc);
        String street = createUnit(admin, "STREET_COMMITTEE", "真武山街道党工委", null);
        String ownCommunity = createUnit(admin, "COMMUNITY_COMMITTEE", "檀溪社区党委", street);
        String otherCommunity = createUnit(admin, "COMMUNITY_COMMITTEE", "井岗社区党委", street);
        String communityAdmin = TestAccounts.bearerOf(mvc, admin, "COMMUNITY_ADMIN", ownCommunity);

        createUnit(communityAdmin, "GRID_BRANCH", "第一网格党支部", ownCommunity);
        mvc.perform(get("/api/v1/org-units/" + otherCommunity).header(HttpHeaders.AUTHORIZATION, communityAdmin))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
        mvc.perform(post("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, communityAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"GRID_BRANCH\",\"name\":\"越界\",\"parentId\":\"" + otherCommunity + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, communityAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(ownCommunity)))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(otherCommunity))))
                .andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void creatingAnOrgUnitPublishesOrgUnitCreatedInThePinnedShape() throws Exception {
        String unitId = createUnit(TestAccounts.adminBearer(mvc), "STREET_COMMITTEE", "庞公街道党工委", null);

        JsonNode published = PublishedEvents.awaitFirst(bootstrapServers, Topics.ORG_EVENTS, unitId, "OrgUnitCreated");
        PublishedEvents.assertMatchesExample(published, "org-events");
        assertThat(published.get("type").asString()).isEqualTo("OrgUnitCreated");
        assertThat(published.get("aggregateId").asString()).isEqualTo(unitId);
        assertThat(published.get("payload").get("name").asString()).isEqualTo("庞公街道党工委");
        assertThat(published.get("payload").get("path").asString()).isEqualTo("/" + unitId + "/");
    }

    private String createUnit(String bearer, String type, String name, String parentId) throws Exception {
        String parent = parentId == null ? ",\"templateId\":\"FIVE_LEVEL\"" : ",\"parentId\":\"" + parentId + "\"";
        String body = mvc.perform(post("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"" + type + "\",\"name\":\"" + name + "\"" + parent + "}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }

    private JsonNode tokenResponse(String username, String password) throws Exception {
        String body = tokenRequest(username, password).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    private org.springframework.test.web.servlet.ResultActions tokenRequest(String username, String password)
            throws Exception {
        return TestAccounts.tokenRequest(mvc, username, password);
    }
}
