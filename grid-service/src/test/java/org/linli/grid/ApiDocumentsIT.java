package org.linli.grid;

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
 * grid-service's OpenAPI and AsyncAPI documents keep the API conventions (docs/api/README.md), and are written
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
        ApiDocuments.write("grid-service.openapi.json", json);

        assertThat(ApiDocuments.violations(ApiDocuments.parse(json), "/")).isEmpty();
    }

    @Test
    void asyncApiDocumentIsServed() throws Exception {
        String json = document("/springwolf/docs");
        ApiDocuments.write("grid-service.asyncapi.json", json);

        assertThat(ApiDocuments.parse(json).path("asyncapi").asString()).startsWith("3.");
    }

    private String document(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
