package org.linli.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The boundaries of Linli's code as ArchUnit rules, checked by each service's {@code ArchitectureTest}
 * ({@link ArchitectureContract}) on the service's main classes and on the platform modules on its class path:
 * <ul>
 *   <li>a service uses no other service's code, nor the dev stack or the end-to-end client;</li>
 *   <li>the feature packages of a service ({@code org.linli.<service>.<feature>..}) depend on each other
 *       without cycles;</li>
 *   <li>controllers leave the store to their feature: no MongoDB type, no Mongo helper;</li>
 *   <li>the domain (stored aggregates, {@code @Document}, and the kernel {@code org.linli.platform.domain}) knows
 *       nothing of the web;</li>
 *   <li>the platform ({@code org.linli.platform..}, {@code org.linli.events..}) knows no service;</li>
 *   <li>every scheduled job ({@code @Scheduled}) takes a scheduler lock ({@code @SchedulerLock}), so that it runs
 *       on one instance per tick however many instances run (issue #18, platform/scheduling).</li>
 * </ul>
 * Types are named as strings, so this class needs ArchUnit only.
 */
public final class LinliArchitecture {

    /** The services, each the root package {@code org.linli.<name>}. */
    public static final List<String> SERVICES = List.of("org", "grid", "property", "issue", "points");

    private static final String[] PLATFORM = {"org.linli.platform..", "org.linli.events.."};
    private static final String[] STORE = {"org.springframework.data.mongodb..", "com.mongodb..", "org.bson..",
            "org.linli.platform.mongo.."};
    private static final String[] WEB = {"org.linli.platform.web..", "org.springframework.web..",
            "org.springframework.http..", "jakarta.servlet.."};
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";
    private static final String SCHEDULER_LOCK = "net.javacrumbs.shedlock.spring.annotation.SchedulerLock";

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private LinliArchitecture() {
    }

    /** The service's main classes and the platform's (tests left out), imported once per test run. */
    public static JavaClasses classesOf(String service) {
        return IMPORTED.computeIfAbsent(service, name -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root(name), "org.linli.platform", "org.linli.events"));
    }

    /** A service depends on the platform only: never on another service, the dev stack or the e2e client. */
    public static ArchRule usesNoOtherService(String service) {
        String[] forbidden = Stream.concat(
                        SERVICES.stream().filter(other -> !other.equals(service)).map(other -> root(other) + ".."),
                        Stream.of("org.linli.devstack..", "org.linli.e2e.."))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(root(service) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("services share only the event contracts and the platform (the API between them is HTTP and Kafka)");
    }

    /** The features of a service can be read, moved or deleted one at a time: no two need each other. */
    public static ArchRule featuresHaveNoCycles(String service) {
        return slices().matching(root(service) + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("a feature that needs another one which needs it back is one feature split in two");
    }

    /** A controller turns HTTP into calls on its feature; the feature's own classes read and write the store. */
    public static ArchRule controllersLeaveTheStoreToTheirFeature(String service) {
        return noClasses().that().areAnnotatedWith(REST_CONTROLLER).and().resideInAPackage(root(service) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(STORE)
                .because("queries belong to the feature's repository or service, where they can be reused and tested");
    }

    /** Stored aggregates and the domain kernel are plain model: the web edge maps them, never the other way. */
    public static ArchRule domainKnowsNoWeb() {
        return noClasses().that().areAnnotatedWith(DOCUMENT).or().resideInAPackage("org.linli.platform.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .because("the domain refuses with its own exceptions and holds its own types; platform/web turns them into HTTP");
    }

    /** Nothing in the platform is specific to one service. */
    public static ArchRule platformKnowsNoService() {
        return noClasses().that().resideInAnyPackage(PLATFORM)
                .should().dependOnClassesThat()
                .resideInAnyPackage(SERVICES.stream().map(service -> root(service) + "..").toArray(String[]::new))
                .because("nothing domain-specific lives in platform/");
    }

    /**
     * A job scheduled in every instance runs in one per tick: its {@code @Scheduled} method also carries
     * {@code @SchedulerLock(name = …)}. A service without scheduled jobs passes.
     */
    public static ArchRule scheduledJobsTakeASchedulerLock() {
        return methods().that().areAnnotatedWith(SCHEDULED)
                .should().beAnnotatedWith(SCHEDULER_LOCK)
                .allowEmptyShould(true)
                .because("with two instances of a service an unlocked job runs twice per tick (issue #18): double "
                        + "escalations, double sends");
    }

    private static String root(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a service: " + service + " (one of " + SERVICES + ")");
        }
        return "org.linli." + service;
    }
}
