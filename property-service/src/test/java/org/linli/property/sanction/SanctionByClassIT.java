package org.linli.property.sanction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.events.Topics;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.platform.test.PublishedEvents;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Huguan's responsible body by compound class: the class travels in CompoundCreated, and decides which department
 * may sanction the compound's company — the housing department (department staff covering it) for a commercial
 * compound, the employer's party organisation for a work-unit one, no department for an old one (the street).
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class SanctionByClassIT {

    static final String EMPLOYER = "employer-party-committee";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    String company;

    @BeforeEach
    void unitsAndACompany() throws Exception {
        mongo.remove(new Query(), "compounds");
        mongo.remove(new Query(), "sanctions");
        mongo.remove(new Query(), "companies");
        Api.knownUnits(mongo, "community-a");
        Api.unit(mongo, EMPLOYER, "ENTERPRISE_PARTY_ORGANISATION", "棉纺厂党委", "/" + EMPLOYER + "/");
        company = json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"甲物业\", \"creditCode\": \"91350100M000100Y43\"}"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void theCompoundsClassDecidesWhichDepartmentMaySanction() throws Exception {
        String workUnit = register("棉纺厂家属院", "WORK_UNIT", ", \"responsibleUnitId\": \"" + EMPLOYER + "\"");
        String old = register("老街小区", "VILLAGE_BUILT", "");
        String commercial = register("檀溪花园", "COMMERCIAL", "");
        mvc.perform(get("/api/v1/compounds/" + old).with(countyAdmin()))
                .andExpect(jsonPath("$.compoundClass").value("OLD_OR_UNMANAGED"))
                .andExpect(jsonPath("$.responsibleBody").value("乡镇（街道）"));
        JsonNode created = PublishedEvents.awaitFirst(bootstrapServers, Topics.PROPERTY_EVENTS, workUnit, "CompoundCreated");
        PublishedEvents.assertMatchesExample(created, "property-events");
        assertThat(created.at("/payload/compoundClass").asString()).isEqualTo("WORK_UNIT");
        assertThat(created.at("/payload/responsibleUnitId").asString()).isEqualTo(EMPLOYER);

        RequestPostProcessor housing = department("housing-bureau", Api.STREET_PATH);
        RequestPostProcessor employer = department(EMPLOYER, "/" + EMPLOYER + "/");
        sanction(housing, commercial).andExpect(status().isCreated());
        sanction(housing, old).andExpect(status().isForbidden());
        sanction(housing, workUnit).andExpect(status().isForbidden());
        sanction(employer, workUnit).andExpect(status().isCreated());
        sanction(employer, commercial).andExpect(status().isForbidden());
        sanction(streetAdmin(), old).andExpect(status().isCreated());
    }

    @Test
    void onlyAWorkUnitCompoundNamesAKnownResponsibleUnit() throws Exception {
        mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("檀溪花园", "COMMERCIAL", ", \"responsibleUnitId\": \"" + EMPLOYER + "\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-responsible-unit"));
        mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("棉纺厂家属院", "WORK_UNIT", ", \"responsibleUnitId\": \"nobody\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-responsible-unit"));
        mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("棉纺厂家属院", "WORK_UNIT", ", \"compoundClass\": \"PALACE\"")))
                .andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.ResultActions sanction(RequestPostProcessor caller, String compound)
            throws Exception {
        return mvc.perform(post("/api/v1/sanctions").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "PUBLIC_CRITICISM", "companyId": "%s", "compoundId": "%s", "reason": "电梯长期失修",
                         "evidenceRefs": ["photo/1.jpg"]}""".formatted(company, compound)));
    }

    private String register(String name, String kind, String extra) throws Exception {
        return json(mvc.perform(post("/api/v1/compounds").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, kind, extra)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private static String body(String name, String kind, String extra) {
        return """
                {"name": "%s", "kind": "%s", "communityUnitId": "community-a", "households": 100, "lat": 31.3,
                 "lng": 118.4%s}""".formatted(name, kind, extra);
    }

    private static RequestPostProcessor department(String unit, String path) {
        return jwt().jwt(token -> token.subject("staff-" + unit).claim("roles", List.of("DEPARTMENT_STAFF"))
                        .claim("org_unit_id", unit).claim("org_unit_path", path))
                .authorities(new SimpleGrantedAuthority("ROLE_DEPARTMENT_STAFF"));
    }
}
