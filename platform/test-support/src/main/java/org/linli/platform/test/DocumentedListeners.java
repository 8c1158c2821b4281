package org.linli.platform.test;

import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The Kafka listeners of a running service, each with the payload types its springwolf {@code @AsyncListener}s
 * document and the contract types its {@code EventHandlers} tables (its fields of that type) handle. Nothing is
 * constructed: the listeners are the context's beans. A listener that treats every type alike has no table and
 * documents nothing (issue-service's webhooks).
 */
final class DocumentedListeners {

    /**
     * platform/messaging's table, by name: messaging's own tests use test-support, so test-support cannot depend
     * on it. Renaming the class or its {@code types()} makes the check fail, never pass silently.
     */
    private static final String TABLE = "org.linli.platform.messaging.EventHandlers";

    private DocumentedListeners() {
    }

    /** Every bean of the context with a {@code @KafkaListener}, with what it documents and what it handles. */
    static List<Listener> of(ApplicationContext context) {
        Class<?> table = ClassUtils.resolveClassName(TABLE, context.getClassLoader());
        List<Listener> listeners = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            Class<?> listener = type == null ? null : ClassUtils.getUserClass(type);
            if (listener != null && listens(listener)) {
                Object target = AopTestUtils.getUltimateTargetObject(context.getBean(name));
                listeners.add(new Listener(listener, documented(listener), handled(listener, target, table)));
            }
        }
        return listeners;
    }

    private static boolean listens(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, KafkaListener.class)
                || methods(type).stream().anyMatch(method -> !AnnotatedElementUtils
                        .findMergedRepeatableAnnotations(method, KafkaListener.class).isEmpty());
    }

    private static Set<Class<?>> documented(Class<?> listener) {
        Set<Class<?>> types = new HashSet<>();
        for (Method method : methods(listener)) {
            for (AsyncListener documentation : AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
                    AsyncListener.class)) {
                types.add(documentation.operation().payloadType());
            }
        }
        return types;
    }

    private static Set<Class<?>> handled(Class<?> listener, Object target, Class<?> table) {
        Set<Class<?>> types = new HashSet<>();
        Method typesOf = ReflectionUtils.findMethod(table, "types");
        if (typesOf == null) {
            throw new IllegalStateException(TABLE + " has no types()");
        }
        ReflectionUtils.doWithFields(listener, field -> {
            for (Object contract : (Set<?>) ReflectionUtils.invokeMethod(typesOf, value(field, target))) {
                types.add((Class<?>) contract);
            }
        }, field -> table.isAssignableFrom(field.getType()));
        return types;
    }

    private static Object value(Field field, Object target) {
        ReflectionUtils.makeAccessible(field);
        return ReflectionUtils.getField(field, target);
    }

    private static List<Method> methods(Class<?> type) {
        return List.of(ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS));
    }

    /**
     * One listener class.
     *
     * @param type       the listener's class
     * @param documented the payload types of its {@code @AsyncListener}s
     * @param handled    the contract types of its {@code EventHandlers}
     */
    record Listener(Class<?> type, Set<Class<?>> documented, Set<Class<?>> handled) {

        boolean agrees() {
            return documented.equals(handled);
        }

        /** The class and what only one side names, e.g. {@code …Listener: handled, not documented [IssueClosed]}. */
        String difference() {
            return type.getName() + ": documented, not handled " + namesOf(documented, handled)
                    + "; handled, not documented " + namesOf(handled, documented);
        }

        private static Set<String> namesOf(Set<Class<?>> these, Set<Class<?>> butNot) {
            Set<String> names = new TreeSet<>();
            these.stream().filter(type -> !butNot.contains(type)).forEach(type -> names.add(type.getSimpleName()));
            return names;
        }
    }
}
