package org.linli.points.reward;

import static org.linli.points.Callers.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
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
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.platform.web.WebAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The redemption endpoints alone: request checks, who sees the pickup code and who may hand goods over. */
@WebMvcTest(RedemptionController.class)
@ImportAutoConfiguration(WebAutoConfiguration.class)
class RedemptionControllerTest {

    private static final String COMMUNITY = "/s1/c1/";
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RewardService service;
    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void redeemingAnswers201WithThePickupCodeForTheHolder() throws Exception {
        Redemption redemption = confirmedFor("resident-1");
        when(service.redeem(argThat(caller -> caller.accountId().equals("resident-1")), eq("reward-1"), eq(2)))
                .thenReturn(redemption);

        mvc.perform(json(post("/api/v1/redemptions"), "{\"rewardId\":\"reward-1\",\"quantity\":2}")
                        .with(caller("resident-1", COMMUNITY, Roles.RESIDENT)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/redemptions/" + redemption.id()))
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.points").value(60))
                .andExpect(jsonPath("$.pickupCode").value("12345678"));
    }

    @Test
    void staffReadARedemptionWithoutItsPickupCode() throws Exception {
        Redemption redemption = confirmedFor("resident-1");
        when(service.get(any(), eq(redemption.id()))).thenReturn(redemption);

        mvc.perform(get("/api/v1/redemptions/" + redemption.id()).with(caller("worker-1", COMMUNITY, Roles.GRID_WORKER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value("resident-1"))
                .andExpect(jsonPath("$.pickupCode").doesNotExist());
    }

    @Test
    void moreThanTenItemsAnswer400NamingTheField() throws Exception {
        mvc.perform(json(post("/api/v1/redemptions"), "{\"rewardId\":\"reward-1\",\"quantity\":11}")
                        .with(caller("resident-1", COMMUNITY, Roles.RESIDENT)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        verifyNoInteractions(service);
    }

    @Test
    void tooFewPointsAnswer422WithItsProblemType() throws Exception {
        when(service.redeem(any(), any(), eq(1))).thenThrow(
                new BusinessRuleViolation("insufficient-points", "the balance is below the price"));

        mvc.perform(json(post("/api/v1/redemptions"), "{\"rewardId\":\"reward-1\",\"quantity\":1}")
                        .with(caller("resident-1", COMMUNITY, Roles.RESIDENT)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/insufficient-points"));
    }

    @Test
    void aResidentMayNotHandGoodsOver() throws Exception {
        mvc.perform(json(post("/api/v1/redemptions/fulfilment"), "{\"pickupCode\":\"12345678\"}")
                        .with(caller("resident-1", COMMUNITY, Roles.RESIDENT)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(service);
    }

    @Test
    void aPickupCodeOtherThanEightDigitsAnswers400() throws Exception {
        mvc.perform(json(post("/api/v1/redemptions/fulfilment"), "{\"pickupCode\":\"1234abcd\"}")
                        .with(caller("worker-1", COMMUNITY, Roles.GRID_WORKER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pickupCode"));
        verifyNoInteractions(service);
    }

    @Test
    void anUnknownPickupCodeAnswers404Problem() throws Exception {
        when(service.fulfil(any(), eq("87654321"))).thenThrow(new NotFoundException("pickup code", "87654321"));

        mvc.perform(json(post("/api/v1/redemptions/fulfilment"), "{\"pickupCode\":\"87654321\"}")
                        .with(caller("worker-1", COMMUNITY, Roles.GRID_WORKER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static Redemption confirmedFor(String accountId) {
        Reward reward = Reward.list("大米", "5 kg", 30, 10, null, LocalDate.of(2026, 12, 1), null, "c1", "/s1/c1/",
                NOW);
        Redemption redemption = Redemption.pending(accountId, "王芳", reward, 2, NOW);
        redemption.confirm("12345678", NOW);
        return redemption;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
