package org.linli.issue.issue;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.linli.platform.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeadlinePolicy.class, IssueSettings.class})
class IssueConfiguration {

    /** Runs the deadline sweep ({@code linli.issue.sweep.interval}, 15 s by default); off with enabled=false. */
    @Component
    @ConditionalOnProperty(name = "linli.issue.sweep.enabled", havingValue = "true", matchIfMissing = true)
    static class DeadlineSweeper {

        private final DeadlineSweep sweep;

        DeadlineSweeper(DeadlineSweep sweep) {
            this.sweep = sweep;
        }

        @SchedulerLock(name = "issue.deadline-sweep")
        @Scheduled(fixedDelayString = "${linli.issue.sweep.interval:15s}", initialDelayString = "${linli.issue.sweep.interval:15s}")
        void sweep() {
            while (sweep.sweep(500) == 500) {
                // a backlog (after downtime): keep going until it is worked off
            }
        }
    }

    /** 429 for too many QR reports, before the platform's catch-all. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RateLimitProblems {

        private final Problems problems;

        RateLimitProblems(Problems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(ReportRateLimit.TooManyReports.class)
        ResponseEntity<ProblemDetail> tooMany(ReportRateLimit.TooManyReports e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports"));
        }
    }
}
