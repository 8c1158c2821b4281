package org.linli.org.duty;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.platform.web.WebAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The duty-quota endpoints alone: request checks, the answer's shape and who may call, the service mocked. */
@WebMvcTest(DutyQuotaController.class)
@ImportAutoConfiguration(WebAutoConfiguration.class)
class DutyQuotaControllerTest {

    private static final UnitView STREET = new UnitView("s1", OrgUnitType.STREET_COMMITTEE, "城关街道", "/s1/", true);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DutyService service;
    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void aStreetAdminSetsAQuotaFromATemplateAnswering201WithItsLocationAndLabels() throws Exception {
        DutyQuota quota = DutyQuota.define(STREET, DutyRole.LINKED_CADRE, DutyTemplate.SI_GE_YI,
                DutyTemplate.SI_GE_YI.items(), YearMonth.of(2026, 12), YearMonth.of(2026, 12), "acc-1",
                Instant.parse("2026-12-01T08:00:00Z"));
        when(service.define(any(), eq("s1"), eq(DutyTemplate.SI_GE_YI), isNull(), isNull(), isNull()))
                .thenReturn(quota);

        mvc.perform(json(post("/api/v1/duty-quotas"), "{\"unitId\":\"s1\",\"template\":\"SI_GE_YI\"}")
                        .with(as(Roles.STREET_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/duty-quotas/" + quota.id()))
                .andExpect(jsonPath("$.role").value("LINKED_CADRE"))
                .andExpect(jsonPath("$.roleLabel").value("包联干部"))
                .andExpect(jsonPath("$.versions[0].fromMonth").value("2026-12"))
                .andExpect(jsonPath("$.versions[0].items[0].periodLabel").value("每月"));
        verify(service).define(argThat(caller -> caller.accountId().equals("acc-1")
                && caller.hasRole(Roles.STREET_ADMIN)), eq("s1"), eq(DutyTemplate.SI_GE_YI), isNull(), isNull(),
                isNull());
    }

    @Test
    void aCommunityAdminMayNotSetAQuota() throws Exception {
        mvc.perform(json(post("/api/v1/duty-quotas"), "{\"unitId\":\"s1\",\"template\":\"SI_GE_YI\"}")
                        .with(as(Roles.COMMUNITY_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(service);
    }

    @Test
    void aBlankUnitAnswers400NamingTheField() throws Exception {
        mvc.perform(json(post("/api/v1/duty-quotas"), "{\"unitId\":\" \",\"template\":\"SI_GE_YI\"}")
                        .with(as(Roles.COUNTY_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        verifyNoInteractions(service);
    }

    @Test
    void anUnknownTemplateAnswers400NamingTheField() throws Exception {
        mvc.perform(json(post("/api/v1/duty-quotas"), "{\"unitId\":\"s1\",\"template\":\"FIVE_STARS\"}")
                        .with(as(Roles.COUNTY_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("template"));
        verifyNoInteractions(service);
    }

    @Test
    void aRevisionWithoutTheVersionSeenAnswers400() throws Exception {
        mvc.perform(json(post("/api/v1/duty-quotas/q1/revisions"),
                        "{\"items\":[{\"kind\":\"VISIT\",\"label\":\"走访\",\"count\":2,\"period\":\"MONTH\"}]}")
                        .with(as(Roles.STREET_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(service);
    }

    @Test
    void aBrokenRuleAnswers422WithItsProblemType() throws Exception {
        when(service.define(any(), any(), any(), any(), any(), any())).thenThrow(new BusinessRuleViolation(
                "quota-start-too-early", "a quota applies from the previous month at the earliest", "2026-11"));

        mvc.perform(json(post("/api/v1/duty-quotas"),
                        "{\"unitId\":\"s1\",\"template\":\"SI_GE_YI\",\"fromMonth\":\"2026-01\"}")
                        .with(as(Roles.STREET_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/quota-start-too-early"));
    }

    @Test
    void anyAdminReadsTheShippedTemplates() throws Exception {
        mvc.perform(get("/api/v1/duty-quotas/templates").with(as(Roles.COMMUNITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].template").value(org.hamcrest.Matchers.contains("SI_GE_YI",
                        "SAN_BANG_WU_DU")))
                .andExpect(jsonPath("$[1].roleLabel").value("红色巷长"));
    }

    @Test
    void aGridWorkerMayNotReadTheTemplates() throws Exception {
        mvc.perform(get("/api/v1/duty-quotas/templates").with(as(Roles.GRID_WORKER)))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A token as org-service issues it: one role, scoped to street s1. */
    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("acc-1").claim(Caller.CLAIM_ROLES, List.of(role))
                        .claim(Caller.CLAIM_ORG_UNIT, "s1").claim(Caller.CLAIM_ORG_UNIT_PATH, "/s1/"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
