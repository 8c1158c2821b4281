package org.linli.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Pageable;
import org.springframework.validation.annotation.Validated;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service in miniature whose endpoints fail in every way the conventions cover. */
@SpringBootApplication
class ConventionsTestApplication {

    @RestController
    @Validated
    static class Failing {

        @GetMapping("/paged")
        int paged(Pageable pageable) {
            return pageable.getPageSize();
        }

        @GetMapping("/monthly")
        String monthly(@RequestParam @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$") String month) {
            return month;
        }

        @GetMapping("/on/{day}")
        LocalDate on(@PathVariable LocalDate day, @RequestParam(required = false) YearMonth month) {
            return day;
        }

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing get(@PathVariable String id) {
            throw new NotFoundException("thing", id);
        }

        @PostMapping("/things/{id}/stale")
        void stale(@PathVariable String id) {
            throw new OptimisticLockingFailureException("version 3 expected");
        }

        @PostMapping("/things/{id}/rule")
        void rule(@PathVariable String id) {
            throw new BusinessRuleViolation("thing-frozen", "a frozen thing cannot change", id);
        }

        @GetMapping("/things/{id}/forbidden")
        void forbidden(@PathVariable String id) {
            throw new AccessDeniedException("outside scope");
        }

        @PostMapping("/things/{id}/store-down")
        void storeDown(@PathVariable String id) {
            throw new DataAccessResourceFailureException("Timed out after 30000 ms while waiting to connect to "
                    + "mongo-1.internal:27017", new com.mongodb.MongoTimeoutException("mongo-1.internal:27017"));
        }

        @PostMapping("/things/{id}/driver-timeout")
        void driverTimeout(@PathVariable String id) {
            throw new com.mongodb.MongoTimeoutException("Timed out while waiting for a server mongo-1.internal:27017");
        }

        @GetMapping("/boom")
        void boom() {
            throw new IllegalStateException("secret internals at com.example.Db:42");
        }

        @GetMapping("/hung-up")
        void hungUp() throws java.io.IOException {
            throw new java.io.IOException("Broken pipe");
        }

        @GetMapping("/whoami")
        Caller whoami(Caller caller) {
            return caller;
        }

        @GetMapping("/counted")
        int counted(@RequestParam int count) {
            return count;
        }
    }

    record Thing(@NotBlank String name, @Min(1) int size, List<@NotBlank String> tags) {
    }
}
