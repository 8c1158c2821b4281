package org.linli.property.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.platform.test.SimultaneousRequests;
import org.linli.property.Api;
import org.linli.property.company.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * A rider registers for community a; community b's admin may not verify, community a's admin verifies; the
 * registration reaches the two compounds of community a only, each company sees the one it serves (phone masked)
 * and decides on it alone; the rider sees the decisions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CouriersIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final RequestPostProcessor RIDER = jwt().jwt(token -> token.subject("account-rider")
                    .claim("roles", List.of("RESIDENT")).claim("org_unit_id", "community-b")
                    .claim("org_unit_path", Api.STREET_PATH + "community-b/"))
            .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String companyA;
    String companyB;
    String a1;
    String a2;

    @BeforeEach
    void twoCompaniesServingCompoundsInTwoCommunities() throws Exception {
        for (String collection : new String[] {"compounds", "companies", "courier_registrations",
                "courier_access_requests"}) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
        companyA = company("甲物业", 101);
        companyB = company("乙物业", 102);
        a1 = compound("檀溪花园", "community-a", companyA);
        a2 = compound("汉江雅苑", "community-a", companyB);
        compound("北街小区", "community-b", companyA);
    }

    @Test
    void aVerifiedRiderReachesTheCompaniesOfTheAreaWhoDecideForTheirOwnCompoundsOnly() throws Exception {
        String id = json(perform(post("/api/v1/couriers").with(RIDER), """
                {"personName": "王师傅", "kind": "FOOD_RIDER", "company": "美团", "phone": "13812345678",
                 "areaUnitId": "community-a"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.kindLabel").value("外卖骑手"))
                .andExpect(jsonPath("$.phone").value("13812345678"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(mongo.getCollection("courier_registrations").find(new Document("_id", id)).first().toJson())
                .as("the phone is stored encrypted").contains("王师傅").doesNotContain("13812345678");
        perform(post("/api/v1/couriers").with(RIDER), """
                {"personName": "王师傅", "kind": "FOOD_RIDER", "company": "美团", "phone": "13812345678",
                 "areaUnitId": "community-a"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("courier-already-registered"));

        mvc.perform(post("/api/v1/couriers/" + id + "/verification").with(admin("community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/couriers").param("status", "PENDING").with(admin("community-b")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/couriers").param("status", "PENDING").with(admin("community-a")))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].phone").value("138****5678"));
        mvc.perform(post("/api/v1/couriers/" + id + "/verification").with(admin("community-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.pushedCompounds").value(2))
                .andExpect(jsonPath("$.accessRequests.length()").value(2));
        mvc.perform(post("/api/v1/couriers/" + id + "/verification").with(admin("community-a")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));
        JsonNode verified = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, id, "CourierVerified");
        PublishedEvents.assertMatchesExample(verified, "property-events");
        assertThat(verified.at("/payload/accountId").asString()).isEqualTo("account-rider");
        assertThat(verified.at("/payload/areaUnitId").asString()).isEqualTo("community-a");
        assertThat(verified.toString()).doesNotContain("王师傅", "13812345678");

        String requestA1 = id + ":" + a1;
        mvc.perform(get("/api/v1/couriers/access-requests").with(staff(companyA)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(requestA1))
                .andExpect(jsonPath("$.content[0].personName").value("王师傅"))
                .andExpect(jsonPath("$.content[0].phone").value("138****5678"));
        mvc.perform(get("/api/v1/couriers/access-requests").with(staff(companyB)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].compoundId").value(a2));

        perform(post("/api/v1/couriers/access-requests/" + requestA1 + "/decision").with(staff(companyB)),
                "{\"granted\": true}")
                .andExpect(status().isForbidden());
        perform(post("/api/v1/couriers/access-requests/" + requestA1 + "/decision").with(staff(companyA)),
                "{\"granted\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.decision.by").value("account-property_staff"))
                .andExpect(jsonPath("$.decision.at").isNotEmpty())
                .andExpect(jsonPath("$.phone").value("138****5678"));
        perform(post("/api/v1/couriers/access-requests/" + requestA1 + "/decision").with(staff(companyA)),
                "{\"granted\": false, \"reason\": \"改变主意\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("wrong-step"));
        String requestA2 = id + ":" + a2;
        perform(post("/api/v1/couriers/access-requests/" + requestA2 + "/decision").with(staff(companyB)),
                "{\"granted\": false}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reason-required"));
        perform(post("/api/v1/couriers/access-requests/" + requestA2 + "/decision").with(staff(companyB)),
                "{\"granted\": false, \"reason\": \"本小区暂未开通人脸门禁\"}")
                .andExpect(jsonPath("$.status").value("REFUSED"));
        mvc.perform(get("/api/v1/couriers/access-requests").with(staff(companyA)))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        mvc.perform(get("/api/v1/couriers/" + id).with(RIDER))
                .andExpect(jsonPath("$.phone").value("13812345678"))
                .andExpect(jsonPath("$.accessRequests[?(@.compoundId == '%s')].status", a1).value("GRANTED"))
                .andExpect(jsonPath("$.accessRequests[?(@.compoundId == '%s')].decision.reason", a2)
                        .value("本小区暂未开通人脸门禁"));
        mvc.perform(get("/api/v1/couriers/mine").with(RIDER))
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/personal-data/property").with(RIDER))
                .andExpect(jsonPath("$.courierRegistrations[0].id").value(id))
                .andExpect(jsonPath("$.courierRegistrations[0].phone").value("13812345678"));
        mvc.perform(get("/api/v1/couriers/" + id).with(admin("community-a")))
                .andExpect(jsonPath("$.phone").value("13812345678"));
        mvc.perform(get("/api/v1/couriers/" + id).with(admin("community-b")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/couriers/" + id).with(staff(companyA)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGridWorkerRegistersACourierInTheirCommunityOnlyAndSeesThePhoneMasked() throws Exception {
        RequestPostProcessor gridWorker = jwt().jwt(token -> token.subject("account-grid-worker")
                        .claim("roles", List.of("GRID_WORKER")).claim("org_unit_id", "community-a")
                        .claim("org_unit_path", Api.STREET_PATH + "community-a/"))
                .authorities(new SimpleGrantedAuthority("ROLE_GRID_WORKER"));
        String body = """
                {"personName": "李师傅", "kind": "COURIER", "company": "顺丰", "phone": "13912345678",
                 "areaUnitId": "%s"}""";

        perform(post("/api/v1/couriers").with(gridWorker), body.formatted("community-b"))
                .andExpect(status().isForbidden());
        String id = json(perform(post("/api/v1/couriers").with(gridWorker), body.formatted("community-a"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("139****5678"))
                .andExpect(jsonPath("$.accountId").doesNotExist())
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        perform(post("/api/v1/couriers/" + id + "/rejection").with(admin("community-b")),
                "{\"reason\": \"不在本社区\"}")
                .andExpect(status().isForbidden());
        perform(post("/api/v1/couriers/" + id + "/rejection").with(admin("community-a")), "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reason-required"));
        perform(post("/api/v1/couriers/" + id + "/rejection").with(admin("community-a")),
                "{\"reason\": \"电话无法接通\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.review.reason").value("电话无法接通"));
        mvc.perform(get("/api/v1/couriers/access-requests").with(staff(companyA)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    /**
     * One open registration per account and area, however the requests race: the rider registering 8 times at once
     * gets one 201 and, for the others, 422 courier-already-registered (the read saw the winner) or 409
     * already-exists (the unique openKey refused the insert); one registration is stored, with the rider's account.
     * Once it is rejected the rider may register again.
     */
    @Test
    void aRiderRegisteringEightTimesAtOnceHoldsOneOpenRegistration() throws Exception {
        String body = """
                {"personName": "赵师傅", "kind": "FOOD_RIDER", "company": "饿了么", "phone": "13712345678",
                 "areaUnitId": "community-a"}""";

        List<MockHttpServletResponse> responses = SimultaneousRequests.perform(mvc, 8, i -> post("/api/v1/couriers")
                .with(RIDER).contentType(MediaType.APPLICATION_JSON).content(body));

        assertThat(SimultaneousRequests.statuses(responses)).containsEntry(201, 1);
        assertThat(SimultaneousRequests.statuses(responses).keySet()).isSubsetOf(201, 409, 422);
        assertThat(SimultaneousRequests.problemCodes(responses))
                .isSubsetOf("courier-already-registered", "already-exists");
        assertThat(responses).filteredOn(response -> response.getStatus() != 201)
                .allMatch(response -> response.getContentType().startsWith("application/problem+json"));
        List<CourierRegistration> stored = mongo.find(Query.query(Criteria.where("accountId").is("account-rider")),
                CourierRegistration.class);
        assertThat(stored).hasSize(1);
        String id = stored.get(0).id();
        mvc.perform(get("/api/v1/couriers/" + id).with(RIDER))
                .andExpect(jsonPath("$.accountId").value("account-rider"));
        mvc.perform(get("/api/v1/couriers/" + id).with(admin("community-a")))
                .andExpect(jsonPath("$.accountId").value("account-rider"));

        perform(post("/api/v1/couriers/" + id + "/rejection").with(admin("community-a")),
                "{\"reason\": \"公司信息有误\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"));
        perform(post("/api/v1/couriers").with(RIDER), body)
                .andExpect(status().isCreated());
        assertThat(mongo.count(Query.query(Criteria.where("accountId").is("account-rider")),
                CourierRegistration.class)).isEqualTo(2);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String company(String name, int number) throws Exception {
        String first17 = "91340200" + "MA%07d".formatted(number);
        return json(perform(post("/api/v1/property-companies").with(countyAdmin()), """
                {"name": "%s", "creditCode": "%s"}""".formatted(name, first17 + CreditCode.checkCharacter(first17)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String compound(String name, String community, String company) throws Exception {
        String id = json(perform(post("/api/v1/compounds").with(countyAdmin()), """
                {"name": "%s", "kind": "COMMERCIAL", "communityUnitId": "%s", "households": 500,
                 "lat": 31.3, "lng": 118.4}""".formatted(name, community))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        perform(post("/api/v1/contracts").with(countyAdmin()), """
                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s", "endsOn": "%s"}"""
                .formatted(id, company, TODAY.minusYears(1), TODAY.plusYears(2)))
                .andExpect(status().isCreated());
        return id;
    }
}
