package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(classes = ConventionsTestApplication.class,
        properties = "linli.protection.data-dir=target/test-data/protection")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ProblemConventionsTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    JwtDecoder jwtDecoder;

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("acc-1").claim(Caller.CLAIM_ROLES, List.of("COMMUNITY_ADMIN"))
                .claim(Caller.CLAIM_ORG_UNIT, "c1").claim(Caller.CLAIM_ORG_UNIT_PATH, "/s1/c1/"));
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(admin());
    }

    @Test
    void invalidFieldsAnswer400NamingEachField() throws Exception {
        mvc.perform(json(post("/things"), "{\"name\":\"\",\"size\":0,\"tags\":[\"ok\",\"\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "size", "tags[1]")));
    }

    @Test
    void aWronglyTypedFieldAnswers400NamingTheField() throws Exception {
        mvc.perform(json(post("/things"), "{\"name\":\"x\",\"size\":\"big\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void brokenJsonAnswers400MalformedBody() throws Exception {
        mvc.perform(json(post("/things"), "{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/malformed-body"));
    }

    @Test
    void aBadQueryParameterAnswers400NamingIt() throws Exception {
        mvc.perform(get("/counted").param("count", "many").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"));
    }

    @Test
    void everyProblemCarriesItsKindAsCode() throws Exception {
        mvc.perform(get("/things/t-9").with(admin()))
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(json(post("/things"), "{\"name\":"))
                .andExpect(jsonPath("$.code").value("malformed-body"));
        mvc.perform(get("/things/t-1"))
                .andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/boom").with(admin()))
                .andExpect(jsonPath("$.code").value("internal-error"));
    }

    @Test
    void aConstraintOnAParameterOfAValidatedControllerAnswers400NamingIt() throws Exception {
        mvc.perform(get("/monthly").param("month", "2026-13").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void aMissingParameterAnswers400NamingIt() throws Exception {
        mvc.perform(get("/monthly").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void unparseableDatesAndMonthsAnswer400NamingThem() throws Exception {
        mvc.perform(get("/on/2026-02-30").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(get("/on/2026-02-01").param("month", "abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void garbagePagingAnswers400NamingTheParameterInsteadOfADefault() throws Exception {
        mvc.perform(get("/paged").param("size", "50").with(admin()))
                .andExpect(status().isOk());
        for (String[] bad : List.of(new String[] {"page", "abc"}, new String[] {"page", "-1"},
                new String[] {"size", "0"}, new String[] {"size", "201"}, new String[] {"size", "1e3"},
                new String[] {"sort", "name,,desc"}, new String[] {"sort", "$where"}, new String[] {"sort", ""})) {
            mvc.perform(get("/paged").param(bad[0], bad[1]).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]));
        }
    }

    @Test
    void aPathNoControllerMapsAnswers404Problem() throws Exception {
        mvc.perform(get("/nothing-here").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value(not(containsString("{0}"))));
    }

    @Test
    void aUrlTheFirewallRefusesAnswers400Problem() throws Exception {
        mvc.perform(get("/things/a%252Fb").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("invalid-url"));
    }

    @Test
    void unknownIdAnswers404InChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/things/t-9").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("资源不存在"))
                .andExpect(jsonPath("$.detail").value(containsString("t-9")));
        mvc.perform(get("/things/t-9").with(admin()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void staleVersionAnswers409() throws Exception {
        mvc.perform(post("/things/t-1/stale").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/stale-version"));
    }

    @Test
    void businessRuleAnswers422WithCodeAndLocalisedDetail() throws Exception {
        mvc.perform(post("/things/t-1/rule").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("thing-frozen"))
                .andExpect(jsonPath("$.detail").value("Thing t-1 is frozen and cannot change."));
    }

    @Test
    void missingTokenAnswers401AndForeignScopeAnswers403() throws Exception {
        mvc.perform(get("/things/t-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("未认证"));
        mvc.perform(get("/things/t-1/forbidden").with(admin()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/forbidden"));
    }

    @Test
    void tooLargeBodyAnswers413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(4000) + "\",\"size\":1}";
        mvc.perform(json(post("/things"), big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void wrongMediaTypeAnswers415() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("x").with(admin()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void aStoreThatCannotBeReachedAnswers503WithRetryAfterAndNoInternals() throws Exception {
        for (String failure : List.of("store-down", "driver-timeout")) {
            mvc.perform(post("/things/t-1/" + failure).with(admin()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.type").value("https://linli.example/problems/service-unavailable"))
                    .andExpect(content().string(not(containsString("mongo-1.internal"))));
        }
    }

    @Test
    void unexpectedFailureAnswers500WithoutInternals() throws Exception {
        mvc.perform(get("/boom").with(admin()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(jsonPath("$.type").value("https://linli.example/problems/internal-error"));
    }

    @Test
    void aClientThatHungUpIsNeitherAnsweredWithAProblemNorLoggedAsAnError(CapturedOutput output) throws Exception {
        mvc.perform(get("/hung-up").with(admin()))
                .andExpect(content().string(""));
        mvc.perform(get("/boom").with(admin()));

        assertThat(output.getOut()).contains("unexpected error")
                .doesNotContain("Broken pipe");
    }

    @Test
    void callerCarriesRolesAndScopeFromTheToken() throws Exception {
        mvc.perform(get("/whoami").with(admin()))
                .andExpect(jsonPath("$.accountId").value("acc-1"))
                .andExpect(jsonPath("$.orgUnitPath").value("/s1/c1/"))
                .andExpect(header().exists("X-Request-Id"));
    }
}
