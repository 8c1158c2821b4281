package org.linli.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.platform.test.ApiDocuments;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * issue-service's OpenAPI and AsyncAPI documents keep the API conventions (docs/api/README.md), and are written
 * to target/api-docs/ for scripts/api-contract --from.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ApiDocumentsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void openApiDocumentKeepsTheConventions() throws Exception {
        String json = document("/v3/api-docs");
        ApiDocuments.write("issue-service.openapi.json", json);

        assertThat(ApiDocuments.violations(ApiDocuments.parse(json), "/")).isEmpty();
    }

    @Test
    void asyncApiDocumentIsServed() throws Exception {
        String json = document("/springwolf/docs");
        ApiDocuments.write("issue-service.asyncapi.json", json);

        assertThat(ApiDocuments.parse(json).path("asyncapi").asString()).startsWith("3.");
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

    private String document(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
