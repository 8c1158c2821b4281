package org.linli.property.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.admin;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.linli.property.evaluation.Evaluations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A month of inspections and surveys gives a ranking whose top and bottom the breakdown explains; it is public,
 * immutable, and a company at the bottom three months running is summoned.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class RankingsIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final YearMonth LAST_MONTH = YearMonth.from(TODAY).minusMonths(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String good;
    String poor;
    String goodCompound1;
    String goodCompound2;
    String poorCompound;

    @BeforeEach
    void twoCompaniesServingThreeCompounds() throws Exception {
        for (String collection : new String[] {"compounds", "companies", "sanctions", "rankings", "inspections",
                "surveys", "organisation_scores", "issue_ratings", "schemes"}) {
            mongo.remove(new Query(), collection);
        }
        Api.knownUnits(mongo, "community-a", "community-b");
        good = company("红色物业服务有限公司", "91350100M000100Y43");
        poor = company("懒散物业有限公司", "9144030071526726XG");
        goodCompound1 = compound("community-a", "檀溪花园", good);
        goodCompound2 = compound("community-b", "凤凰小区", good);
        poorCompound = compound("community-b", "锦绣家园", poor);
    }

    @Test
    void aMonthOfInspectionsAndSurveysGivesAPublicImmutableRankingExplainedByItsBreakdown() throws Exception {
        inspect(goodCompound1, "ENVIRONMENT", LAST_MONTH, 2);
        inspect(goodCompound1, "FACILITIES", LAST_MONTH, 0);
        inspect(goodCompound2, "ENVIRONMENT", LAST_MONTH, 5);
        inspect(poorCompound, "ENVIRONMENT", LAST_MONTH, 30);
        inspect(poorCompound, "FACILITIES", LAST_MONTH, 40);
        survey(goodCompound1, 50, 48);
        survey(goodCompound2, 40, 37);
        survey(poorCompound, 60, 27);
        mvc.perform(put("/api/v1/evaluations/organisation-scores").with(admin("community-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"compoundId": "%s", "month": "%s", "itemCode": "PARTY_BUILDING", "score": 95}"""
                                .formatted(goodCompound1, LAST_MONTH)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/evaluations/scores").param("compoundId", poorCompound).param("month", LAST_MONTH.toString())
                        .with(admin("community-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].score").value(70.0))
                .andExpect(jsonPath("$.items[3].score").value(45.0));
        mvc.perform(post("/api/v1/rankings").with(admin("community-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(publish(LAST_MONTH)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rankings").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(publish(YearMonth.from(TODAY))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("month-not-over"));

        String id = json(mvc.perform(post("/api/v1/rankings").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(publish(LAST_MONTH)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        String published = mvc.perform(get("/api/v1/rankings/published/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].companyId").value(good))
                .andExpect(jsonPath("$.entries[0].rank").value(1))
                .andExpect(jsonPath("$.entries[1].companyId").value(poor))
                .andExpect(jsonPath("$.bottomCompanyIds[0]").value(poor))
                .andExpect(jsonPath("$.entries[1].items[0].code").value("ENVIRONMENT"))
                .andExpect(jsonPath("$.entries[1].items[0].score").value(70.0))
                .andExpect(jsonPath("$.entries[1].items[1].score").value(60.0))
                .andExpect(jsonPath("$.entries[1].items[3].score").value(45.0))
                .andExpect(jsonPath("$.entries[1].lowestCompounds[0].compoundId").value(poorCompound))
                .andExpect(jsonPath("$.entries[0].compoundsScored").value(2))
                .andReturn().getResponse().getContentAsString();
        JsonNode ranking = json(published);
        // poor: (70×15 + 60×15 + 45×50) / 80 = 52.5; good: mean of its two compounds
        assertThat(ranking.at("/entries/1/score").asDouble()).isEqualTo(52.5);
        double compound1 = (98 * 15 + 100 * 15 + 95 * 20 + 96 * 50) / 100.0;
        double compound2 = Math.round((95 * 15 + 92.5 * 50) / 65.0 * 100) / 100.0;
        assertThat(ranking.at("/entries/0/score").asDouble())
                .isEqualTo(Math.round((compound1 + compound2) / 2 * 100) / 100.0);

        mvc.perform(get("/api/v1/rankings/published/" + id).header("If-None-Match", "\"" + id + "\""))
                .andExpect(status().isNotModified());
        mvc.perform(get("/api/v1/rankings/published/" + id))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")));
        inspect(poorCompound, "FACILITIES", LAST_MONTH, 50);
        mvc.perform(get("/api/v1/rankings/published/" + id))
                .andExpect(jsonPath("$.entries[1].items[1].score").value(60.0));
        mvc.perform(post("/api/v1/rankings").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(publish(LAST_MONTH)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ranking-already-published"));
        mvc.perform(get("/api/v1/rankings/published").param("scopeUnitId", Api.STREET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].companyCount").value(2));

        JsonNode event = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, id, "RankingPublished");
        PublishedEvents.assertMatchesExample(event, "property-events");
        assertThat(event.at("/payload/bottomCompanyIds/0").asString()).isEqualTo(poor);
    }

    @Test
    void aCompanyAtTheBottomThreeMonthsRunningIsSummonedOnce() throws Exception {
        for (int back = 3; back >= 1; back--) {
            YearMonth month = LAST_MONTH.minusMonths(back - 1);
            inspect(goodCompound1, "ENVIRONMENT", month, 1);
            inspect(poorCompound, "ENVIRONMENT", month, 25);
            mvc.perform(post("/api/v1/rankings").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scopeUnitId\": \"county\", \"month\": \"" + month + "\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.bottomCompanyIds[0]").value(poor));
            mvc.perform(get("/api/v1/sanctions").param("kind", "SUMMONS").with(countyAdmin()))
                    .andExpect(jsonPath("$.page.totalElements").value(back == 1 ? 1 : 0));
        }
        mvc.perform(get("/api/v1/sanctions").param("kind", "SUMMONS").with(countyAdmin()))
                .andExpect(jsonPath("$.content[0].companyId").value(poor))
                .andExpect(jsonPath("$.content[0].kindLabel").value("约谈"));
        YearMonth first = LAST_MONTH.minusMonths(2);
        mvc.perform(get("/api/v1/rankings/published/annual-review").param("year", String.valueOf(first.getYear())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companies[0].companyId").value(good))
                .andExpect(jsonPath("$.companies[1].companyId").value(poor))
                .andExpect(jsonPath("$.companies[1].meanScore").value(75.0))
                .andExpect(jsonPath("$.companies[1].monthsInBottomBand").value(
                        (int) java.util.stream.Stream.iterate(first, m -> m.plusMonths(1)).limit(3)
                                .filter(m -> m.getYear() == first.getYear()).count()));
    }

    private void inspect(String compound, String item, YearMonth month, int points) throws Exception {
        String deductions = points == 0 ? "[]"
                : "[{\"reason\": \"楼道堆放杂物\", \"points\": " + points + ", \"photoRefs\": [\"photo/" + compound + ".jpg\"]}]";
        mvc.perform(post("/api/v1/evaluations/inspections").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"compoundId": "%s", "inspectedOn": "%s", "itemCode": "%s", "deductions": %s}"""
                                .formatted(compound, month.atDay(10), item, deductions)))
                .andExpect(status().isCreated());
    }

    private void survey(String compound, int respondents, int satisfied) throws Exception {
        mvc.perform(put("/api/v1/evaluations/surveys").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"compoundId": "%s", "quarter": "%s", "respondents": %d, "satisfied": %d, "conductedOn": "%s"}"""
                                .formatted(compound, Evaluations.quarterOf(LAST_MONTH), respondents, satisfied,
                                        LAST_MONTH.atDay(20))))
                .andExpect(status().isOk());
    }

    private static String publish(YearMonth month) {
        return "{\"scopeUnitId\": \"" + Api.STREET + "\", \"month\": \"" + month + "\"}";
    }

    private String company(String name, String creditCode) throws Exception {
        return json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"creditCode\": \"" + creditCode + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String compound(String community, String name, String company) throws Exception {
        String id = json(mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "kind": "COMMERCIAL", "communityUnitId": "%s", "households": 500,
                                 "lat": 31.3, "lng": 118.4}""".formatted(name, community)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/contracts").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"compoundId": "%s", "companyId": "%s", "kind": "REGULAR", "startsOn": "%s",
                                 "endsOn": "%s"}""".formatted(id, company, TODAY.minusYears(1), TODAY.plusYears(2))))
                .andExpect(status().isCreated());
        return id;
    }
}
