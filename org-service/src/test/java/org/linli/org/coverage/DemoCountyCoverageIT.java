package org.linli.org.coverage;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The demo county loads Xiangcheng's figures and the dashboard reports exactly what is stored. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
class DemoCountyCoverageIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardOfTheDemoCountyReportsXiangchengsFigures() throws Exception {
        String token = token();
        mvc.perform(post("/api/v1/org-units/demo-county").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.communities").value(49));
        mvc.perform(post("/api/v1/org-units/demo-county").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("demo-already-loaded"));

        mvc.perform(get("/api/v1/org-units/coverage").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitsPerType.COMMUNITY_COMMITTEE").value(49))
                .andExpect(jsonPath("$.unitsPerType.GRID_BRANCH").value(215))
                .andExpect(jsonPath("$.unitsPerType.BUILDING_GROUP").value(673))
                .andExpect(jsonPath("$.unitsPerType.CENTRAL_HOUSEHOLD").value(1849))
                .andExpect(jsonPath("$.unitsPerType.PROPERTY_COMPANY_BRANCH").value(13))
                .andExpect(jsonPath("$.propertyCompanies.byMode.OWN_BRANCH").value(9))
                .andExpect(jsonPath("$.propertyCompanies.byMode.JOINT_BRANCH").value(4))
                .andExpect(jsonPath("$.propertyCompanies.byMode.INSTRUCTOR").value(22))
                .andExpect(jsonPath("$.propertyCompanies.covered.part").value(35))
                .andExpect(jsonPath("$.propertyCompanies.covered.rate").value(1.0))
                .andExpect(jsonPath("$.partyMembersPerGrid.grids").value(215));
    }

    private String token() throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", "admin").param("password", "test-admin-password"))
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("access_token").asString();
    }
}
