package org.linli.org.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.linli.org.identity.InitialPasswords;
import org.linli.org.member.PartyMemberMother;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The download assembled over HTTP, the other services stubbed at the gateway's address: grid, issue and points
 * answer, property fails (so it is missing), org's audit trail has one read and the others none yet (404). And the
 * correction requests' flow, with an admin of another community refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class PersonalDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TOKENS_SEEN = ConcurrentHashMap.newKeySet();
    private static final HttpServer GATEWAY = stubGateway();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("linli.gateway.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @Test
    void aResidentDownloadsOwnRecordsUnmaskedTheOtherPartsAndReadsNamingWhatDidNotAnswer() throws Exception {
        String admin = adminToken();
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "檀溪社区党委", createUnit(admin, "STREET_COMMITTEE",
                "真武山街道党工委", null));
        String branch = createUnit(admin, "GRID_BRANCH", "第一网格党支部", community);
        Account resident = account(admin, "RESIDENT", community);
        String idNumber = PartyMemberMother.nextIdNumber();
        Map<String, Object> member = new HashMap<>(Map.of("name", "王建国", "idNumber", idNumber,
                "phone", "13871234567", "kind", "RESIDENT", "branchId", branch, "accountId", resident.id()));
        perform(post("/api/v1/party-members"), admin, member).andExpect(status().isCreated());
        Map<String, Object> someoneElse = new HashMap<>(member);
        someoneElse.putAll(Map.of("name", "李红", "idNumber", PartyMemberMother.nextIdNumber(), "accountId", "other"));
        perform(post("/api/v1/party-members"), admin, someoneElse).andExpect(status().isCreated());

        JsonNode document = json(perform(get("/api/v1/personal-data"), resident.token(), null)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("application/json"))));

        assertThat(document.path("account").path("username").asString()).isEqualTo(resident.username());
        assertThat(document.path("account").path("roles").get(0).asString()).isEqualTo("RESIDENT");
        assertThat(document.path("org").path("partyMembers")).hasSize(1);
        assertThat(document.path("org").path("partyMembers").get(0).path("idNumber").asString()).isEqualTo(idNumber);
        assertThat(document.path("org").path("partyMembers").get(0).path("phone").asString()).isEqualTo("13871234567");
        assertThat(document.path("services").path("grid").path("gridWorkers").get(0).path("id").asString())
                .isEqualTo("worker-1");
        assertThat(document.path("services").has("issue")).isTrue();
        assertThat(document.path("services").has("points")).isTrue();
        assertThat(document.path("services").has("property")).isFalse();
        assertThat(document.path("missing").valueStream().map(JsonNode::asString)).containsExactly("property");
        assertThat(document.path("unmaskedReads")).hasSize(1);
        assertThat(document.path("unmaskedReads").get(0).path("service").asString()).isEqualTo("org");
        assertThat(document.path("unmaskedReads").get(0).path("actorUsername").asString()).isEqualTo("demo.community");
        assertThat(document.path("assembledAt").isMissingNode()).isFalse();
        assertThat(TOKENS_SEEN).containsExactly(resident.token());
    }

    @Test
    void aCorrectionRequestIsAnsweredOnceByTheCommunityAndNotByAnotherCommunity() throws Exception {
        String admin = adminToken();
        String street = createUnit(admin, "STREET_COMMITTEE", "庞公街道党工委", null);
        String community = createUnit(admin, "COMMUNITY_COMMITTEE", "井岗社区党委", street);
        String otherCommunity = createUnit(admin, "COMMUNITY_COMMITTEE", "闸口社区党委", street);
        Account resident = account(admin, "RESIDENT", community);
        String ownAdmin = account(admin, "COMMUNITY_ADMIN", community).token();
        String otherAdmin = account(admin, "COMMUNITY_ADMIN", otherCommunity).token();

        String id = json(perform(post("/api/v1/personal-data/correction-requests"), resident.token(),
                Map.of("part", "ORG", "recordId", "member-1", "field", "phone", "requestedValue", "13912345678",
                        "reason", "号码已更换"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))).path("id").asString();
        perform(post("/api/v1/personal-data/correction-requests"), resident.token(), Map.of("part", "ORG"))
                .andExpect(status().isBadRequest());

        perform(get("/api/v1/correction-requests"), otherAdmin, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", not(hasItem(id))));
        perform(post("/api/v1/correction-requests/" + id + "/answer"), otherAdmin,
                Map.of("decision", "CORRECTED", "answer", "越权"))
                .andExpect(status().isForbidden());
        perform(get("/api/v1/correction-requests"), resident.token(), null).andExpect(status().isForbidden());

        perform(get("/api/v1/correction-requests").param("status", "OPEN"), ownAdmin, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));
        perform(post("/api/v1/correction-requests/" + id + "/answer"), ownAdmin, Map.of("decision", "REFUSED"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("correction-refusal-unexplained"));
        perform(post("/api/v1/correction-requests/" + id + "/answer"), ownAdmin,
                Map.of("decision", "CORRECTED", "answer", "已在党员档案中更正"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CORRECTED"));
        perform(post("/api/v1/correction-requests/" + id + "/answer"), ownAdmin,
                Map.of("decision", "REFUSED", "answer", "再答一次"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("correction-request-answered"));

        perform(get("/api/v1/personal-data/correction-requests"), resident.token(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].status").value("CORRECTED"))
                .andExpect(jsonPath("$.content[0].answer").value("已在党员档案中更正"))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        perform(get("/api/v1/correction-requests").param("status", "OPEN"), ownAdmin, null)
                .andExpect(jsonPath("$.content[*].id", not(hasItem(id))));
    }

    private static HttpServer stubGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                TOKENS_SEEN.add(authorization == null ? "" : authorization.substring("Bearer ".length()));
                String path = exchange.getRequestURI().getPath();
                int status = 200;
                String body = switch (path) {
                    case "/api/v1/personal-data/grid" -> "{\"gridWorkers\":[{\"id\":\"worker-1\"}]}";
                    case "/api/v1/personal-data/issues" -> "{\"issues\":[]}";
                    case "/api/v1/personal-data/points" -> "{\"account\":null,\"ledgerEntries\":[]}";
                    case "/api/v1/audit-trails/org/reads-of-me" -> "{\"content\":[{\"at\":\"2026-12-05T08:00:00Z\","
                            + "\"actorUsername\":\"demo.community\"}],\"page\":{\"number\":0,\"size\":200,"
                            + "\"totalElements\":1,\"totalPages\":1}}";
                    default -> {
                        status = path.startsWith("/api/v1/audit-trails/") ? 404 : 503;
                        yield "{\"status\":" + status + "}";
                    }
                };
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Account(String id, String username, String token) {
    }

    private Account account(String admin, String role, String orgUnitId) throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String id = json(perform(post("/api/v1/accounts"), admin, Map.of("username", username,
                "password", InitialPasswords.INITIAL, "roles", List.of(role), "orgUnitId", orgUnitId))
                .andExpect(status().isCreated())).path("id").asString();
        InitialPasswords.changeInitial(mvc, username, "Rights-Test-Pass1");
        return new Account(id, username, token(username, "Rights-Test-Pass1"));
    }

    private String createUnit(String token, String type, String name, String parentId) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name));
        if (parentId == null) {
            body.put("templateId", "FIVE_LEVEL");
        } else {
            body.put("parentId", parentId);
        }
        return json(perform(post("/api/v1/org-units"), token, body).andExpect(status().isCreated())).path("id").asString();
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String adminToken() throws Exception {
        return token("admin", "test-admin-password");
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }
}
