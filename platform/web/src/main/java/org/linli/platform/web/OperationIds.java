package org.linli.platform.web;

import io.swagger.v3.oas.models.Operation;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Names each operation after its controller's resource and its method ({@code GridController.list} →
 * {@code listGrids}, {@code HouseholdController.register} → {@code registerHousehold}), so generated clients get
 * stable, meaningful method names instead of springdoc's {@code list_3}. A method whose name already says what
 * it acts on ({@code createBuilding}) keeps it; an explicit {@code @Operation(operationId = ..)} wins. Two
 * handlers documented as one operation (JSON and multipart variants of a path) take the shorter name, whatever
 * the order springdoc meets them in.
 */
class OperationIds implements OperationCustomizer {

    /** Verbs of collection reads whose operation names the resource in the plural. */
    private static final Set<String> COLLECTION_READS = Set.of("list", "page", "search");
    /** Second words that complete a verb rather than name a resource ({@code checkIn}, {@code signUp}). */
    private static final Set<String> PARTICLES = Set.of("In", "Out", "Up", "Down", "Off", "On");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation annotation = AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (annotation != null && !annotation.operationId().isBlank()) {
            // as declared, also where springdoc suffixed it because two handlers form one operation
            operation.setOperationId(annotation.operationId());
            return operation;
        }
        String method = handler.getMethod().getName();
        String derived = of(resourceOf(handler.getBeanType().getSimpleName()), method,
                AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class));
        String current = operation.getOperationId();
        boolean namedByAnotherHandler = current != null && !current.matches(java.util.regex.Pattern.quote(method) + "(_\\d+)?");
        operation.setOperationId(namedByAnotherHandler ? shorter(current, derived) : derived);
        return operation;
    }

    /** {@code OrgUnitController} → {@code OrgUnit}. */
    static String resourceOf(String controller) {
        return controller.endsWith("Controller") ? controller.substring(0, controller.length() - "Controller".length())
                : controller;
    }

    static String of(String resource, String method, boolean read) {
        String[] words = method.split("(?=[A-Z])");
        if (method.toLowerCase(Locale.ROOT).contains(resource.toLowerCase(Locale.ROOT))) {
            return method;
        }
        if (words.length > 1 && !(words.length == 2 && PARTICLES.contains(words[1]))) {
            return method;
        }
        if (read && COLLECTION_READS.contains(method)) {
            return "list" + plural(resource);
        }
        return method + resource;
    }

    static String plural(String noun) {
        if (noun.endsWith("y") && !noun.matches(".*[aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.matches(".*(s|x|z|ch|sh)")) {
            return noun + "es";
        }
        return noun + "s";
    }

    private static String shorter(String one, String other) {
        return Stream.of(one, other).min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }
}
