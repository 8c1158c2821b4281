package org.linli.org;

import org.linli.platform.test.ApiDocumentsContract;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** org-service's API documents keep the conventions ({@link ApiDocumentsContract}). */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ApiDocumentsIT extends ApiDocumentsContract {

    ApiDocumentsIT() {
        super("org-service");
    }
}
