package org.linli.points.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linli.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rewards")
@RestController
class DemoController {

    private final DemoData demo;

    DemoController(DemoData demo) {
        this.demo = demo;
    }

    @Operation(summary = "Load demo data: an exchange list (rice, flour, oil, daily goods) and a season of activities",
            description = "Role: COUNTY_ADMIN. For the first 4 communities known from org events: 5 goods each and 12 "
                    + "weekend activities over the coming 3 months. 422 no-communities (none known yet: retry after "
                    + "org-service's demo), demo-already-loaded.")
    @PostMapping("/api/v1/rewards/demo")
    @PreAuthorize("hasRole('COUNTY_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    DemoData.Summary load(Caller caller) {
        return demo.load(caller);
    }
}
