package org.linli.points.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Scoring standards", description = "评分标准: what earns how many points in a community")
@RestController
@RequestMapping("/api/v1/points/scoring-standards")
class ScoringController {

    private final ScoringStandards standards;

    ScoringController(ScoringStandards standards) {
        this.standards = standards;
    }

    @Operation(summary = "The scoring standard in force for a community",
            description = "Any signed-in person (standards are published for residents). 404 unknown community. "
                    + "version is null while the county defaults apply.")
    @GetMapping("/{communityUnitId}")
    StandardResponse get(Caller caller, @PathVariable String communityUnitId) {
        return StandardResponse.of(standards.read(caller, communityUnitId));
    }

    @Operation(summary = "Publish a community's scoring standard",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the community (403). "
                    + "version: the one read (omit for the first publication); 409 stale version. 422 invalid-scoring "
                    + "(figures 0..1000, daily cap 1..1000); 404 unknown community. Applies to points earned from now on.")
    @PutMapping("/{communityUnitId}")
    @PreAuthorize(Roles.ADMINS)
    StandardResponse publish(Caller caller, @PathVariable String communityUnitId,
                             @Valid @RequestBody StandardRequest request) {
        return StandardResponse.of(standards.publish(caller, communityUnitId, request.pointsPerHour(),
                request.issueResolved(), request.microWish(), request.dailyCap(), request.version()));
    }

    record StandardRequest(@NotNull Map<ActivityType, Integer> pointsPerHour, @NotNull Integer issueResolved,
                           @NotNull Integer microWish, @NotNull Integer dailyCap, Long version) {
    }

    record StandardResponse(String communityUnitId, Map<ActivityType, Integer> pointsPerHour, int issueResolved,
                            int microWish, int dailyCap, Instant updatedAt, Long version) {

        static StandardResponse of(ScoringStandard standard) {
            return new StandardResponse(standard.communityUnitId(), standard.pointsPerHour(), standard.issueResolved(),
                    standard.microWish(), standard.dailyCap(), standard.updatedAt(), standard.version());
        }
    }
}
