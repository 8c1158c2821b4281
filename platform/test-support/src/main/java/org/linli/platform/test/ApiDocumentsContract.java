package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's OpenAPI and AsyncAPI documents keep the API conventions (docs/api/README.md), and are written to
 * target/api-docs/ for {@code scripts/api-contract --from}. Each service's {@code ApiDocumentsIT} extends this with
 * its Spring Boot test annotations and its name.
 */
public abstract class ApiDocumentsContract {

    private final String service;

    @Autowired
    protected MockMvc mvc;

    protected ApiDocumentsContract(String service) {
        this.service = service;
    }

    @Test
    void openApiDocumentKeepsTheConventions() throws Exception {
        String json = document("/v3/api-docs");
        ApiDocuments.write(service + ".openapi.json", json);

        assertThat(ApiDocuments.violations(ApiDocuments.parse(json), "/")).isEmpty();
    }

    @Test
    void asyncApiDocumentIsServed() throws Exception {
        String json = document("/springwolf/docs");
        ApiDocuments.write(service + ".asyncapi.json", json);

        assertThat(ApiDocuments.parse(json).path("asyncapi").asString()).startsWith("3.");
    }

    protected String document(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
