package org.linli.issue.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The event types a subscription may ask for: every published contract of {@code issue.events} (the pinned
 * examples in platform/events' {@code contracts/issue-events/}, the same the AsyncAPI document names).
 */
@Component
class OfferedEvents {

    static final String CONTRACTS = "classpath*:contracts/issue-events/*.json";

    private final Set<String> types;

    OfferedEvents() {
        this(load());
    }

    OfferedEvents(Collection<String> types) {
        this.types = Set.copyOf(new TreeSet<>(types));
    }

    Set<String> types() {
        return types;
    }

    /** The requested types when each is offered; 422 {@code unknown-event-type} naming the first that is not. */
    Set<String> require(Collection<String> requested) {
        for (String type : requested) {
            if (!types.contains(type)) {
                throw new BusinessRuleViolation("unknown-event-type", "not an event type of issue.events: " + type,
                        type, String.join(", ", new TreeSet<>(types)));
            }
        }
        return Set.copyOf(requested);
    }

    private static List<String> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(CONTRACTS);
            List<String> names = Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> name.substring(0, name.length() - ".json".length())).toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no issue-events contracts on the classpath (" + CONTRACTS + ")");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
