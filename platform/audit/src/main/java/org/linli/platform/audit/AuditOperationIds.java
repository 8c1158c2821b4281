package org.linli.platform.audit;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every service serves the same audit-trail operations, while operation ids are unique across the five
 * documents (one client namespace): {@code listAuditRecords} becomes {@code listOrgAuditRecords} in org-service.
 */
class AuditOperationIds implements OpenApiCustomizer {

    private final String prefix;
    private final String service;

    AuditOperationIds(String service) {
        this.prefix = "/api/v1/audit-trails/" + service + "/";
        this.service = service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(prefix)) {
                item.readOperations().forEach(this::rename);
            }
        });
    }

    private void rename(Operation operation) {
        String id = operation.getOperationId();
        if (id == null || id.contains(service)) {
            return;
        }
        int split = 0;
        while (split < id.length() && Character.isLowerCase(id.charAt(split))) {
            split++;
        }
        operation.setOperationId(id.substring(0, split) + service + id.substring(split));
    }
}
