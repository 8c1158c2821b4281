package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/** The rule that every scheduled job takes a scheduler lock passes a locked job and fails an unlocked one. */
class ScheduledJobRuleTest {

    @Test
    void aScheduledJobWithASchedulerLockPasses() {
        LinliArchitecture.scheduledJobsTakeASchedulerLock().check(classes(LockedJob.class));
    }

    @Test
    void aScheduledJobWithoutASchedulerLockFailsNamingIt() {
        assertThatThrownBy(() -> LinliArchitecture.scheduledJobsTakeASchedulerLock()
                .check(classes(LockedJob.class, UnlockedJob.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$UnlockedJob.sweep()")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("$LockedJob.sweep()"));
    }

    @Test
    void codeWithoutScheduledJobsPasses() {
        LinliArchitecture.scheduledJobsTakeASchedulerLock().check(classes(ScheduledJobRuleTest.class));
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    static class LockedJob {

        @SchedulerLock(name = "test.locked")
        @Scheduled(fixedDelay = 1_000)
        void sweep() {
        }
    }

    static class UnlockedJob {

        @Scheduled(fixedDelay = 1_000)
        void sweep() {
        }
    }
}
