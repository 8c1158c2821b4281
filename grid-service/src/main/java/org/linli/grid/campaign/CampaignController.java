package org.linli.grid.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.grid.campaign.CampaignFigures.Counts;
import org.linli.grid.campaign.CampaignService.Counted;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Campaigns", description = "专项整治: rectification campaigns on a hazard (飞线充电, 占用消防通道…) in a street "
        + "or community for a period; grid workers record the cases found and their fixing; found / fixed / overdue "
        + "counts per community and per grid")
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @Operation(summary = "Launch a rectification campaign on a street or community",
            description = "Roles: admins covering the area (403; a COMMUNITY_ADMIN for their own community). 404 "
                    + "unknown org unit; 422 invalid-campaign-area (not a street, township or community), "
                    + "invalid-campaign-title, invalid-campaign-period (ends after it starts, within 366 days), "
                    + "invalid-days-to-fix (1 to 90). Honours Idempotency-Key.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<CampaignResponse> launch(Caller caller, @Valid @RequestBody LaunchRequest request) {
        Campaign campaign = service.launch(caller, request.hazard(), request.title(), request.areaUnitId(),
                request.startsOn(), request.endsOn(), request.daysToFix());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id()))
                .body(CampaignResponse.of(campaign, service.today()));
    }

    @Operation(summary = "Read a campaign",
            description = "Roles: admins and GRID_WORKER covering its area or inside it (403); 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    CampaignResponse get(Caller caller, @PathVariable String id) {
        return CampaignResponse.of(service.get(caller, id), service.today());
    }

    @Operation(summary = "List campaigns above, at or inside the caller's scope, the latest start first",
            description = "Roles: admins and GRID_WORKER; paged; ?status=PLANNED|ACTIVE|CLOSED, ?hazard=.")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<CampaignResponse> list(Caller caller, @RequestParam(required = false) Campaign.Status status,
                                      @RequestParam(required = false) Hazard hazard, Pageable pageable) {
        var today = service.today();
        return new PagedModel<>(service.list(caller, status, hazard, pageable)
                .map(campaign -> CampaignResponse.of(campaign, today)));
    }

    @Operation(summary = "Close a campaign",
            description = "Roles: admins covering the unit that launched it (403). 422 wrong-step when already "
                    + "closed; 409 stale version. A closed campaign takes no more cases nor fixings.")
    @PostMapping("/{id}/closure")
    @PreAuthorize(Roles.ADMINS)
    CampaignResponse close(Caller caller, @PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return CampaignResponse.of(service.close(caller, id, request.version()), service.today());
    }

    @Operation(summary = "Record a case found during the campaign",
            description = "Roles: GRID_WORKER and admins covering the grid at the place (403). The place is attached "
                    + "to its finest grid; 422 outside-campaign-area (no grid of the area there), found-outside-period "
                    + "(foundAt not on a day of the period, or in the future), invalid-case-description, invalid-photo, "
                    + "wrong-step (campaign closed). The deadline is the found day plus the campaign's daysToFix. "
                    + "Honours Idempotency-Key.")
    @PostMapping("/{id}/cases")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<CaseResponse> recordCase(Caller caller, @PathVariable String id,
                                            @Valid @RequestBody CaseRequest request) {
        RectificationCase found = service.recordCase(caller, id, request.place().lat(), request.place().lng(),
                request.description(), request.photo(), request.foundAt());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/cases/" + found.id()))
                .body(CaseResponse.of(found, service.today()));
    }

    @Operation(summary = "Record a case's fixing",
            description = "Roles: GRID_WORKER and admins covering the case's community (403); 404 unknown case. 422 "
                    + "wrong-step (already fixed, or campaign closed), invalid-fixed-on (before the day found or in "
                    + "the future), invalid-photo.")
    @PostMapping("/{id}/cases/{caseId}/fixing")
    @PreAuthorize(Roles.STAFF)
    CaseResponse fixCase(Caller caller, @PathVariable String id, @PathVariable String caseId,
                         @Valid @RequestBody FixRequest request) {
        return CaseResponse.of(service.fixCase(caller, id, caseId, request.photo(), request.fixedOn()),
                service.today());
    }

    @Operation(summary = "Read a case",
            description = "Roles: admins and GRID_WORKER covering the case's community (403); 404 unknown case.")
    @GetMapping("/{id}/cases/{caseId}")
    @PreAuthorize(Roles.STAFF)
    CaseResponse getCase(Caller caller, @PathVariable String id, @PathVariable String caseId) {
        return CaseResponse.of(service.getCase(caller, id, caseId), service.today());
    }

    @Operation(summary = "List a campaign's cases in the caller's scope, the latest found first",
            description = "Roles: admins and GRID_WORKER who see the campaign (403); paged; ?gridId= (its subtree; "
                    + "403/404), ?status=OPEN|OVERDUE|FIXED.")
    @GetMapping("/{id}/cases")
    @PreAuthorize(Roles.STAFF)
    PagedModel<CaseResponse> listCases(Caller caller, @PathVariable String id,
                                       @RequestParam(required = false) String gridId,
                                       @RequestParam(required = false) RectificationCase.Status status,
                                       Pageable pageable) {
        var today = service.today();
        return new PagedModel<>(service.cases(caller, id, gridId, status, pageable)
                .map(found -> CaseResponse.of(found, today)));
    }

    @Operation(summary = "The campaign's report: found / fixed / overdue in total, per community and per grid",
            description = "Roles: admins and GRID_WORKER who see the campaign (403); counts the cases in the caller's "
                    + "scope as of today. Grid rows are paged (?page=&size=, by grid name; the sort is fixed).")
    @GetMapping("/{id}/report")
    @PreAuthorize(Roles.STAFF)
    ReportResponse report(Caller caller, @PathVariable String id, Pageable pageable) {
        Counted counted = service.count(caller, id);
        List<RowResponse> communities = counted.figures().communities().stream()
                .map(row -> RowResponse.of(row, service.communityName(row.id()))).toList();
        return new ReportResponse(CampaignResponse.of(counted.campaign(), counted.asOf()), counted.asOf(),
                counted.figures().total(), communities,
                new PagedModel<>(counted.figures().grids(pageable).map(row -> RowResponse.of(row, row.name()))));
    }

    record LaunchRequest(@NotNull Hazard hazard, @NotBlank @Size(max = Campaign.MAX_TITLE_LENGTH) String title,
                         @NotBlank @Size(max = 64) String areaUnitId, @NotNull LocalDate startsOn,
                         @NotNull LocalDate endsOn, @NotNull @Min(1) @Max(Campaign.MAX_DAYS_TO_FIX) Integer daysToFix) {
    }

    record VersionRequest(@NotNull Long version) {
    }

    /** WGS-84 coordinates. */
    record Place(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                 @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    record CaseRequest(@NotNull @Valid Place place,
                       @NotBlank @Size(max = RectificationCase.MAX_DESCRIPTION_LENGTH) String description,
                       @NotBlank @Size(max = RectificationCase.MAX_PHOTO_LENGTH) String photo, @NotNull Instant foundAt) {
    }

    record FixRequest(@NotBlank @Size(max = RectificationCase.MAX_PHOTO_LENGTH) String photo,
                      @NotNull LocalDate fixedOn) {
    }

    record CampaignResponse(String id, Hazard hazard, String hazardLabel, String title, String areaUnitId,
                            String areaName, LocalDate startsOn, LocalDate endsOn, int daysToFix, Campaign.Status status,
                            String launchedBy, Instant launchedAt, String closedBy, Instant closedAt, Long version) {

        static CampaignResponse of(Campaign campaign, LocalDate today) {
            return new CampaignResponse(campaign.id(), campaign.hazard(), campaign.hazard().label(), campaign.title(),
                    campaign.areaUnitId(), campaign.areaName(), campaign.startsOn(), campaign.endsOn(),
                    campaign.daysToFix(), campaign.status(today), campaign.launchedBy(), campaign.launchedAt(),
                    campaign.closedBy(), campaign.closedAt(), campaign.version());
        }
    }

    record CaseResponse(String id, String campaignId, String gridId, String gridName, String communityUnitId,
                        Place place, String description, String photo, Instant foundAt, String foundBy,
                        LocalDate deadline, RectificationCase.Status status, String fixPhoto, LocalDate fixedOn,
                        String fixedBy, Long version) {

        static CaseResponse of(RectificationCase found, LocalDate today) {
            return new CaseResponse(found.id(), found.campaignId(), found.gridId(), found.gridName(),
                    found.communityUnitId(), new Place(found.lat(), found.lng()), found.description(), found.photo(),
                    found.foundAt(), found.foundBy(), found.deadline(), found.status(today), found.fixPhoto(),
                    found.fixedOn(), found.fixedBy(), found.version());
        }
    }

    /**
     * The report.
     *
     * @param asOf        the day overdue is counted on (the county's zone)
     * @param totals      over the cases in the caller's scope
     * @param communities one row per community with cases
     * @param grids       one row per grid with cases, paged
     */
    record ReportResponse(CampaignResponse campaign, LocalDate asOf, Counts totals, List<RowResponse> communities,
                          PagedModel<RowResponse> grids) {
    }

    /** A community's row ({@code id} the community unit) or a grid's ({@code id} the grid). */
    record RowResponse(String id, String name, String communityUnitId, int found, int fixed, int overdue,
                       BigDecimal fixedShare) {

        static RowResponse of(CampaignFigures.Row row, String name) {
            return new RowResponse(row.id(), name, row.communityUnitId(), row.counts().found(), row.counts().fixed(),
                    row.counts().overdue(), row.counts().fixedShare());
        }
    }
}
