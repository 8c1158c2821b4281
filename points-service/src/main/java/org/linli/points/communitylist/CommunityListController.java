package org.linli.points.communitylist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.points.communitylist.CommunityList.Line;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Community lists", description = "社区红黑榜: a street's or the county's communities ranked each month on "
        + "their volunteering; published lists are public and immutable")
@RestController
@Validated
@RequestMapping("/api/v1/community-lists")
class CommunityListController {

    private final CommunityLists lists;

    CommunityListController(CommunityLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "Compute the month's community red and black lists of a street or the county (a draft)",
            description = "Roles: STREET_ADMIN covering the street (403), COUNTY_ADMIN; scopeUnitId a street or township, "
                    + "or \"county\" (county-wide accounts only); absent: the caller's own unit. Each community of the "
                    + "scope is scored from its confirmed activities starting in the month: 250 × activities / most "
                    + "+ 250 × attendances / most + 300 × volunteer minutes / most + 200 × share of places kept "
                    + "(no-shows), 0..1000. Red: the top size (1..20, default 3) scoring above 0; black: the bottom "
                    + "size scoring below the best; each at most half the communities. Computing again refreshes the "
                    + "draft. Once published a list is immutable: 422 list-published unless supersedeReason is given, "
                    + "which computes a new version superseding it on publication. 422 month-in-future, "
                    + "invalid-list-scope, nothing-to-supersede, invalid-size; 409 already-exists or stale-version "
                    + "when the same list was computed at the same moment (one draft is kept: compute again).")
    @PostMapping
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<CommunityListResponse> computeCommunityList(Caller caller, @Valid @RequestBody ComputeRequest request) {
        CommunityList list = lists.compute(caller, request.scopeUnitId(), request.month(),
                request.size() == null ? 3 : request.size(), request.supersedeReason());
        return ResponseEntity.created(URI.create("/api/v1/community-lists/" + list.id()))
                .body(CommunityListResponse.of(list));
    }

    @Operation(summary = "Publish a draft community list (public and immutable from then on)",
            description = "Roles as computing, covering the list's scope (403). Once the month is over (422 "
                    + "month-not-over); 422 list-published, list-superseded; 409 stale version; 404. A new version "
                    + "supersedes the list it was computed against, which stays readable with supersededBy.")
    @PostMapping("/{id}/publication")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    CommunityListResponse publishCommunityList(Caller caller, @PathVariable String id,
                                               @Valid @RequestBody PublishRequest request) {
        return CommunityListResponse.of(lists.publish(caller, id, request.version()));
    }

    @Operation(summary = "Read a community list, draft or published",
            description = "Roles as computing, covering the list's scope (403); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    CommunityListResponse communityList(Caller caller, @PathVariable String id) {
        return CommunityListResponse.of(lists.visible(caller, id));
    }

    @Operation(summary = "The published community red and black lists in force for a scope and month",
            description = "Public: no token needed. ?scopeUnitId= a street or \"county\" (absent: the county), "
                    + "?month=YYYY-MM. The newest published version; 404 when none is published.")
    @GetMapping("/published")
    CommunityListResponse publishedCommunityList(@RequestParam(required = false) @Size(max = 64) String scopeUnitId,
                                                 @RequestParam @NotNull YearMonth month) {
        return CommunityListResponse.of(lists.inForce(scopeUnitId, month));
    }

    @Operation(summary = "A published (or superseded) community list by id",
            description = "Public: no token needed. A superseded list names its successor (supersededBy); a draft "
                    + "answers 404.")
    @GetMapping("/published/{id}")
    CommunityListResponse publishedCommunityListById(@PathVariable String id) {
        return CommunityListResponse.of(lists.publicOne(id));
    }

    record ComputeRequest(@Size(max = 64) String scopeUnitId, @NotNull YearMonth month,
                          @Min(1) @Max(CommunityList.MAX_SIZE) Integer size,
                          @Size(min = 1, max = CommunityList.MAX_REASON) String supersedeReason) {
    }

    record PublishRequest(@NotNull Long version) {
    }

    record CommunityListResponse(String id, String scopeUnitId, String scopeName, String month, int number,
                                 CommunityList.Status status, int size, List<Line> red, List<Line> black,
                                 List<Line> communities, Instant computedAt, Instant publishedAt, String supersedes,
                                 String supersedeReason, String supersededBy, Long version) {

        static CommunityListResponse of(CommunityList list) {
            return new CommunityListResponse(list.id(), list.scopeUnitId(), list.scopeName(), list.month(),
                    list.number(), list.status(), list.size(), list.red(), list.black(), list.lines(),
                    list.computedAt(), list.publishedAt(), list.supersedes(), list.supersedeReason(),
                    list.supersededBy(), list.version());
        }
    }
}
