package org.linli.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Short schema names for generated clients: {@code org.linli.grid.grid.GridController.GridResponse} becomes
 * {@code GridResponse}, {@code org.springframework.data.web.PagedModelOrg.linli...GridResponse} becomes
 * {@code PagedModelGridResponse}. Springwolf switches swagger-core to fully qualified names for the AsyncAPI
 * document, and springdoc shares that setting; a plain switch back would merge different records that share
 * a simple name ({@code CompanyController.RegisterRequest} and {@code CompoundController.RegisterRequest}).
 * So names are shortened after the fact, and where two would meet they keep their enclosing type
 * ({@code CompanyRegisterRequest}, {@code CompoundRegisterRequest}).
 */
class SchemaNames implements OpenApiCustomizer {

    private static final String PREFIX = "#/components/schemas/";
    /** Where a generic's type argument starts: {@code PagedModelOrg.linli} → {@code PagedModel|org.linli}. */
    private static final Pattern ARGUMENT = Pattern.compile("(?<=[a-z0-9])(?=[A-Z][a-z0-9]*\\.[a-z])");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> renames = renames(components.getSchemas().keySet());
        if (renames.isEmpty()) {
            return;
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> schemas.put(renames.getOrDefault(name, name), schema));
        components.setSchemas(schemas);
        new RefRewriter(renames).openApi(openApi);
    }

    /** Old name → new name for each name that is a qualified Java type name. */
    static Map<String, String> renames(Collection<String> names) {
        Map<String, String> simple = new HashMap<>();
        for (String name : names) {
            if (name.contains(".")) {
                simple.put(name, shorten(name, false));
            }
        }
        Map<String, Long> counts = simple.values().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        names.stream().filter(name -> !name.contains(".")).forEach(name -> counts.merge(name, 1L, Long::sum));
        Map<String, String> renames = new HashMap<>();
        simple.forEach((name, shortName) -> {
            String chosen = counts.get(shortName) == 1 ? shortName : shorten(name, true);
            renames.put(name, chosen);
        });
        Map<String, Long> chosenCounts = renames.values().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        renames.replaceAll((name, chosen) -> chosenCounts.get(chosen) == 1 ? chosen : name.replace(".", "_"));
        return renames;
    }

    /** {@code a.b.Outer.Inner} → {@code Inner}, or with {@code qualified} {@code OuterInner} (minus "Controller"). */
    static String shorten(String name, boolean qualified) {
        String[] parts = ARGUMENT.split(name);
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            List<String> types = Arrays.stream(part.split("\\."))
                    .filter(segment -> !segment.isEmpty() && Character.isUpperCase(segment.charAt(0))).toList();
            if (types.isEmpty()) {
                return name.replace(".", "_");
            }
            if (qualified && types.size() > 1) {
                result.append(types.get(types.size() - 2).replaceFirst("(Controller|Service)$", ""));
            }
            result.append(types.get(types.size() - 1));
        }
        return result.toString();
    }

    /** Rewrites every {@code #/components/schemas/<old>} reference in a document. */
    private record RefRewriter(Map<String, String> renames, Set<Object> seen) {

        RefRewriter(Map<String, String> renames) {
            this(renames, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        void openApi(OpenAPI openApi) {
            Components components = openApi.getComponents();
            components.getSchemas().values().forEach(this::schema);
            if (components.getResponses() != null) {
                components.getResponses().values().forEach(this::response);
            }
            if (components.getParameters() != null) {
                components.getParameters().values().forEach(this::parameter);
            }
            if (components.getRequestBodies() != null) {
                components.getRequestBodies().values().forEach(this::requestBody);
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(this::operation));
            }
        }

        void operation(Operation operation) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(this::parameter);
            }
            requestBody(operation.getRequestBody());
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(this::response);
            }
        }

        void parameter(Parameter parameter) {
            schema(parameter.getSchema());
            content(parameter.getContent());
        }

        void requestBody(RequestBody body) {
            if (body != null) {
                content(body.getContent());
            }
        }

        void response(ApiResponse response) {
            content(response.getContent());
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(this::header);
            }
        }

        void header(Header header) {
            schema(header.getSchema());
            content(header.getContent());
        }

        void content(Content content) {
            if (content != null) {
                content.values().forEach(media -> schema(media.getSchema()));
            }
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        void schema(Schema<?> schema) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            String ref = schema.get$ref();
            if (ref != null && ref.startsWith(PREFIX) && renames.containsKey(ref.substring(PREFIX.length()))) {
                schema.set$ref(PREFIX + renames.get(ref.substring(PREFIX.length())));
            }
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(this::schema);
            }
            schema(schema.getItems());
            schema(schema.getNot());
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                schema(additional);
            }
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                    schema.getPrefixItems())) {
                if (list != null) {
                    list.forEach(this::schema);
                }
            }
            if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
                schema.getDiscriminator().getMapping().replaceAll((key, value) -> value.startsWith(PREFIX)
                        ? PREFIX + renames.getOrDefault(value.substring(PREFIX.length()), value.substring(PREFIX.length()))
                        : value);
            }
        }
    }
}
