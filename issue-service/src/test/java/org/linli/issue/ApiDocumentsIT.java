package org.linli.issue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.platform.test.ApiDocuments;
import org.linli.platform.test.ApiDocumentsContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import tools.jackson.databind.JsonNode;

/**
 * issue-service's API documents keep the conventions ({@link ApiDocumentsContract}), and two operations show
 * their real request bodies and the 422 codes their descriptions name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ApiDocumentsIT extends ApiDocumentsContract {

    ApiDocumentsIT() {
        super("issue-service");
    }

    @Test
    void documentsTheRealBodiesOfReportAndResolution() throws Exception {
        JsonNode doc = ApiDocuments.parse(document("/v3/api-docs"));

        JsonNode report = doc.path("paths").path("/api/v1/issues").path("post").path("requestBody").path("content");
        assertThat(report.path("application/json").path("schema").path("$ref").asString()).endsWith("ReportRequest");
        JsonNode resolution = doc.path("paths").path("/api/v1/issues/{id}/resolution").path("post")
                .path("requestBody").path("content");
        assertThat(resolution.path("application/json").path("schema").path("$ref").asString()).endsWith("ResolveRequest");
        assertThat(doc.path("paths").path("/api/v1/issues/{id}/resolution").path("post").path("responses")
                .path("422").path("content").path("application/problem+json").path("examples").has("resolution-note-required"))
                .as("the 422 codes named in the description").isTrue();
    }
}
