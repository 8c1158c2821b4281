package org.linli.property.company;

import static org.linli.property.Api.countyAdmin;
import static org.linli.property.Api.countyWide;
import static org.linli.property.Api.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.Roles;
import org.linli.platform.web.WebAutoConfiguration;
import org.linli.property.copies.OrgAndGridCopies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The property-company endpoints alone: the credit-code lookup's page of one, registration, who may call. */
@WebMvcTest(CompanyController.class)
@ImportAutoConfiguration(WebAutoConfiguration.class)
class CompanyControllerTest {

    private static final String CREDIT_CODE = "9144030071526726XG";
    private static final PropertyCompany COMPANY = PropertyCompany.withId("company-1", "安居物业",
            CreditCode.parse(CREDIT_CODE), true, false, Instant.parse("2026-12-01T08:00:00Z"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CompanyService service;
    @MockitoBean
    OrgAndGridCopies copies;
    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void aCreditCodeFindsItsCompanyAsAPageOfOne() throws Exception {
        when(service.byCreditCode(CREDIT_CODE)).thenReturn(Optional.of(COMPANY));
        when(service.get(any(), eq("company-1"))).thenReturn(COMPANY);

        mvc.perform(get("/api/v1/property-companies").param("creditCode", CREDIT_CODE)
                        .with(countyWide(Roles.DEPARTMENT_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value("company-1"))
                .andExpect(jsonPath("$.content[0].creditCode").value(CREDIT_CODE))
                .andExpect(jsonPath("$.content[0].stateOwned").value(true))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void anUnregisteredCreditCodeAnswers404Problem() throws Exception {
        when(service.byCreditCode(CREDIT_CODE)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/property-companies").param("creditCode", CREDIT_CODE).with(countyAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void propertyStaffLookingUpAnotherCompanyAnswer403() throws Exception {
        when(service.byCreditCode(CREDIT_CODE)).thenReturn(Optional.of(COMPANY));
        when(service.get(any(), eq("company-1"))).thenThrow(new AccessDeniedException("not their company"));

        mvc.perform(get("/api/v1/property-companies").param("creditCode", CREDIT_CODE).with(staff("company-2")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aResidentMayNotListCompanies() throws Exception {
        mvc.perform(get("/api/v1/property-companies").with(countyWide(Roles.RESIDENT)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(service);
    }

    @Test
    void registeringAnswers201WithTheCompanysLocation() throws Exception {
        when(service.register("安居物业", CREDIT_CODE, true, false)).thenReturn(COMPANY);

        mvc.perform(post("/api/v1/property-companies").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"安居物业\",\"creditCode\":\"" + CREDIT_CODE + "\",\"stateOwned\":true}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/property-companies/company-1"))
                .andExpect(jsonPath("$.name").value("安居物业"));
    }

    @Test
    void aGridWorkerMayNotRegisterACompany() throws Exception {
        mvc.perform(post("/api/v1/property-companies").with(countyWide(Roles.GRID_WORKER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"安居物业\",\"creditCode\":\"" + CREDIT_CODE + "\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(service);
    }

    @Test
    void aBlankNameAnswers400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/property-companies").with(countyAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"creditCode\":\"" + CREDIT_CODE + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        verifyNoInteractions(service);
    }
}
