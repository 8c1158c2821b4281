package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The header's token is read as Spring Security's default resolver reads it, request for request. */
class HeaderBearerTokenResolverTest {

    private static final String JWT = "eyJraWQiOiJmZjEzMGQ5NS1hNzdl.eyJzdWIiOiIzNGZjZmJlOS0wMTA2.c2lnbmF0dXJl-_~+/";

    private final HeaderBearerTokenResolver fast = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void answersEveryHeaderAsTheDefaultResolverDoes() {
        List<String> headers = List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer " + JWT + "==",
                "Bearer ==", "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "=a",
                "Bearer abc def", "Bearer abc\u00e9", "Bearer abc%20", "Basic dXNlcjpwYXNz", "Bearerx " + JWT, "");
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/issues/1");
            request.addHeader("Authorization", header);
            assertThat(outcome(() -> fast.resolve(request))).as("Authorization: %s", header)
                    .isEqualTo(outcome(() -> reference.resolve(request)));
        }
    }

    @Test
    void aRequestThatMayAlsoCarryAParameterTokenGetsTheDefaultsAnswer() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/issues/1");
        request.addHeader("Authorization", "Bearer " + JWT);
        request.setQueryString("access_token=" + JWT);
        request.addParameter("access_token", JWT);

        assertThat(outcome(() -> fast.resolve(request))).isEqualTo(outcome(() -> reference.resolve(request)));
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/v1/issues");
        form.addHeader("Authorization", "Bearer " + JWT);
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", JWT);
        assertThat(outcome(() -> fast.resolve(form))).isEqualTo(outcome(() -> reference.resolve(form)));
    }

    @Test
    void recognisesRfc6750Token68() {
        assertThat(HeaderBearerTokenResolver.isBearerToken68("Bearer " + JWT)).isTrue();
        assertThat(HeaderBearerTokenResolver.isBearerToken68("Bearer a=")).isTrue();
        assertThat(HeaderBearerTokenResolver.isBearerToken68("Bearer a=b")).isFalse();
        assertThat(HeaderBearerTokenResolver.isBearerToken68("Bearer =")).isFalse();
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        Throwable refused = catchThrowable(resolve::get);
        return refused != null ? "refused: " + refused.getMessage() : "token: " + resolve.get();
    }
}
