package org.linli.property.sanction;

import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.json;
import static org.linli.property.Api.staff;
import static org.linli.property.Api.streetAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.linli.property.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Companies and their sanctions through the API: the credit-code check, company scope, yellow card and caution list. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class SanctionsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void startEmpty() {
        mongo.remove(new Query(), "companies");
        mongo.remove(new Query(), "sanctions");
        Api.knownUnits(mongo, "community-a");
    }

    @Test
    void anInvalidCreditCodeIsRefusedWith422AndACodeIsRegisteredOnce() throws Exception {
        mvc.perform(post("/api/v1/property-companies").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"某物业\", \"creditCode\": \"91350100M000100Y44\", \"stateOwned\": false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-credit-code"))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-credit-code"));
        mvc.perform(post("/api/v1/property-companies").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"name\": \"某物业\", \"creditCode\": \"9135010OM000100Y43\", \"stateOwned\": false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Invalid unified social credit code"));
        String a = company("甲物业", "91350100M000100Y43");
        mvc.perform(post("/api/v1/property-companies").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"乙物业\", \"creditCode\": \"91350100m000100y43\", \"stateOwned\": false}"))
                .andExpect(status().isConflict());
        String b = company("乙物业", "9144030071526726XG");

        mvc.perform(get("/api/v1/property-companies/" + b).with(staff(a))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/property-companies").with(staff(a)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(a));
        mvc.perform(get("/api/v1/property-companies").param("creditCode", "9144030071526726XG").with(countyAdmin()))
                .andExpect(jsonPath("$.content[0].id").value(b));
        mvc.perform(post("/api/v1/property-companies").with(staff(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"丙物业\", \"creditCode\": \"914403001922038216\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aYellowCardPutsTheCompanyOnThePublicCautionListUntilLifted() throws Exception {
        String company = company("甲物业", "91350100M000100Y43");
        mvc.perform(post("/api/v1/sanctions").with(streetAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(yellowCard(company)))
                .andExpect(status().isForbidden());
        String card = json(mvc.perform(post("/api/v1/sanctions").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(yellowCard(company)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onCautionList").value(true))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/v1/sanctions/caution-list"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].companyId").value(company))
                .andExpect(jsonPath("$.content[0].creditCode").value("91350100M000100Y43"))
                .andExpect(jsonPath("$.content[0].sanctionId").value(card));
        mvc.perform(post("/api/v1/sanctions/" + card + "/appeal").with(staff("another-company"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grounds\": \"不服\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/sanctions/" + card + "/appeal").with(staff(company))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grounds\": \"检查当日小区停水，非企业原因\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPEALED"));
        mvc.perform(post("/api/v1/sanctions/" + card + "/appeal-decision").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"upheld\": false, \"note\": \"证据充分\"}"))
                .andExpect(jsonPath("$.status").value("IN_FORCE"))
                .andExpect(jsonPath("$.appeal.outcome").value("DISMISSED"));
        mvc.perform(get("/api/v1/sanctions").with(staff(company)))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/sanctions").with(staff("another-company")))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        mvc.perform(get("/api/v1/property-companies/" + company + "/credit-record").with(staff(company)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onCautionList").value(true))
                .andExpect(jsonPath("$.sanctionsPerKind[0].kind").value("YELLOW_CARD"))
                .andExpect(jsonPath("$.sanctionsPerKind[0].standing").value(1))
                .andExpect(jsonPath("$.latestSanctions[0].id").value(card));
        mvc.perform(get("/api/v1/property-companies/" + company + "/credit-record").with(staff("another-company")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/rankings/published/{id}']").exists());

        mvc.perform(post("/api/v1/sanctions/" + card + "/lifting").with(countyAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LIFTED"));
        mvc.perform(get("/api/v1/sanctions/caution-list"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(post("/api/v1/sanctions").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"SUPERVISED_ITEM\", \"companyId\": \"" + company + "\", \"reason\": \"电梯故障\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-deadline"));
        mongo.save(Sanction.issue(SanctionKind.SUPERVISED_ITEM, company, null, null, "电梯故障未修复", List.of(),
                LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 1), 15, "admin", Instant.now()));
        mvc.perform(get("/api/v1/sanctions").param("overdue", "true").with(countyAdmin()))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].overdue").value(true));
    }

    private String company(String name, String creditCode) throws Exception {
        return json(mvc.perform(post("/api/v1/property-companies").with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"creditCode\": \"" + creditCode + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private static String yellowCard(String company) {
        return """
                {"kind": "YELLOW_CARD", "companyId": "%s", "reason": "连续三个月考评末位，整改不力",
                 "evidenceRefs": ["ranking/2026-10", "photo/3.jpg"]}""".formatted(company);
    }
}
