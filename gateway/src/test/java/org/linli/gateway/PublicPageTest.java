package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public transparency page and its assets need no token; nothing beside them opens up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PublicPageTest {

    @Autowired
    WebTestClient client;

    @Test
    void thePageIsServedWithoutATokenAsUtf8HtmlUnderItsContentSecurityPolicy() {
        for (String path : new String[] {"/public/", "/public"}) {
            String html = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/html;charset=UTF-8")
                    .expectHeader().valueEquals("Content-Security-Policy", PublicPage.CONTENT_SECURITY_POLICY)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(path).contains("<meta name=\"viewport\"", "物业与社区公示", "src=\"/public/app.js\"");
        }
    }

    @Test
    void itsScriptAndStylesheetAreServedWithoutATokenWithTheirContentTypes() {
        client.get().uri("/public/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).value(script -> assertThat(script)
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"));
        client.get().uri("/public/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void anUnknownAssetIsA404ProblemNotA401() {
        client.get().uri("/public/nothing-here.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void everythingElseStillNeedsAToken() {
        client.post().uri("/public/").exchange().expectStatus().isUnauthorized();
        client.get().uri("/publicity").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/org-units").exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Content-Security-Policy");
        client.get().uri("/api/v1/rankings").exchange().expectStatus().isUnauthorized();
    }
}
