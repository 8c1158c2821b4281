package org.linli.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * A service keeps Linli's boundaries ({@link LinliArchitecture}). Each service's {@code ArchitectureTest} extends
 * this with its name; the rules run in surefire, so {@code ./mvnw verify} fails on a broken boundary.
 */
public abstract class ArchitectureContract {

    private final String service;

    protected ArchitectureContract(String service) {
        this.service = service;
    }

    @Test
    void usesNoOtherServiceNorTheDevStack() {
        LinliArchitecture.usesNoOtherService(service).check(classes());
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        LinliArchitecture.featuresHaveNoCycles(service).check(classes());
    }

    @Test
    void controllersNeverTouchTheStore() {
        LinliArchitecture.controllersLeaveTheStoreToTheirFeature(service).check(classes());
    }

    @Test
    void storedAggregatesAndTheKernelKnowNothingOfTheWeb() {
        LinliArchitecture.domainKnowsNoWeb().check(classes());
    }

    @Test
    void platformKnowsNoService() {
        LinliArchitecture.platformKnowsNoService().check(classes());
    }

    @Test
    void everyScheduledJobTakesASchedulerLock() {
        LinliArchitecture.scheduledJobsTakeASchedulerLock().check(classes());
    }

    private JavaClasses classes() {
        return LinliArchitecture.classesOf(service);
    }
}
