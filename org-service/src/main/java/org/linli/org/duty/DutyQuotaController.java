package org.linli.org.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
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

@Tag(name = "Duty quotas (履职清单)", description = "What the holders of a duty role (包联干部, 红色巷长, 网格员…) in a "
        + "unit's subtree owe per month or quarter; the shipped templates 四个一 and 三帮五督; versioned revisions.")
@RestController
@RequestMapping("/api/v1/duty-quotas")
class DutyQuotaController {

    private final DutyService service;

    DutyQuotaController(DutyService service) {
        this.service = service;
    }

    @Operation(summary = "Set a duty quota for a unit, from a template (四个一, 三帮五督) or from items",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN; the unit in the caller's scope (403; 404 unknown). "
                    + "Either template=SI_GE_YI|SAN_BANG_WU_DU (its role and items), or role and items. fromMonth: "
                    + "the first month it applies (default this month; the previous month at the earliest). 409 "
                    + "already-exists (one quota per unit and role); 422 template-or-items, invalid-duty-quota, "
                    + "invalid-duty-item, quota-start-too-early.")
    @PostMapping
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    ResponseEntity<QuotaResponse> defineDutyQuota(Caller caller, @Valid @RequestBody DefineRequest request) {
        DutyQuota quota = service.define(caller, request.unitId(), request.template(), request.role(),
                items(request.items()), request.fromMonth());
        return ResponseEntity.created(URI.create("/api/v1/duty-quotas/" + quota.id())).body(QuotaResponse.of(quota));
    }

    @Operation(summary = "Revise a duty quota's items, from the next month on",
            description = "Roles: STREET_ADMIN, COUNTY_ADMIN covering the quota's unit (403). Applies from the next "
                    + "month (a quarterly item from the next quarter); a revision not yet in force is replaced; past "
                    + "months keep their version. 409 stale version; 422 invalid-duty-quota, invalid-duty-item; 404.")
    @PostMapping("/{id}/revisions")
    @PreAuthorize(Roles.STREET_AND_COUNTY_ADMINS)
    QuotaResponse reviseDutyQuota(Caller caller, @PathVariable String id,
                                  @Valid @RequestBody ReviseRequest request) {
        return QuotaResponse.of(service.revise(caller, id, request.version(), items(request.items())));
    }

    @Operation(summary = "Duty quotas set in the caller's scope",
            description = "Roles: admins. Paged; ?unitId= (the unit and below; 403 outside the scope).")
    @GetMapping
    @PreAuthorize(Roles.ADMINS)
    PagedModel<QuotaResponse> listDutyQuotas(Caller caller, @RequestParam(required = false) String unitId,
                                             Pageable pageable) {
        return new PagedModel<>(service.quotas(caller, unitId, pageable).map(QuotaResponse::of));
    }

    @Operation(summary = "Read a duty quota with all its versions",
            description = "Roles: admins covering its unit (403); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    QuotaResponse getDutyQuota(Caller caller, @PathVariable String id) {
        return QuotaResponse.of(service.quota(caller, id));
    }

    @Operation(summary = "The duty quota templates Linli ships (四个一 for 包联干部, 三帮五督 for 红色巷长)",
            description = "Roles: admins. The duties come from the seed articles; the counts are Linli's defaults.")
    @GetMapping("/templates")
    @PreAuthorize(Roles.ADMINS)
    List<TemplateResponse> dutyQuotaTemplates() {
        return Arrays.stream(DutyTemplate.values()).map(TemplateResponse::of).toList();
    }

    private static List<DutyItem> items(List<ItemRequest> items) {
        return items == null ? null : items.stream()
                .map(i -> new DutyItem(i.kind(), i.label(), i.count(), i.period())).toList();
    }

    record ItemRequest(@NotBlank @Size(max = 40) String kind, @NotBlank @Size(max = DutyItem.MAX_LABEL) String label,
                       @NotNull Integer count, @NotNull DutyPeriod period) {
    }

    record DefineRequest(@NotBlank @Size(max = 64) String unitId, DutyTemplate template, DutyRole role,
                         @Size(max = DutyQuota.MAX_ITEMS) List<@Valid ItemRequest> items, YearMonth fromMonth) {
    }

    record ReviseRequest(@NotNull @Size(min = 1, max = DutyQuota.MAX_ITEMS) List<@Valid ItemRequest> items,
                         @NotNull Long version) {
    }

    record ItemResponse(String kind, String label, int count, DutyPeriod period, String periodLabel) {

        static ItemResponse of(DutyItem item) {
            return new ItemResponse(item.kind(), item.label(), item.count(), item.period(), item.period().label());
        }
    }

    record VersionResponse(YearMonth fromMonth, List<ItemResponse> items, String setBy, Instant setAt) {
    }

    record QuotaResponse(String id, String unitId, DutyRole role, String roleLabel, DutyTemplate template,
                         List<VersionResponse> versions, Long version) {

        static QuotaResponse of(DutyQuota quota) {
            return new QuotaResponse(quota.id(), quota.unitId(), quota.role(), quota.role().label(), quota.template(),
                    quota.versions().stream().map(v -> new VersionResponse(YearMonth.parse(v.fromMonth()),
                            v.items().stream().map(ItemResponse::of).toList(), v.setBy(), v.setAt())).toList(),
                    quota.version());
        }
    }

    record TemplateResponse(DutyTemplate template, String label, DutyRole role, String roleLabel,
                            List<ItemResponse> items) {

        static TemplateResponse of(DutyTemplate template) {
            return new TemplateResponse(template, template.label(), template.role(), template.role().label(),
                    template.items().stream().map(ItemResponse::of).toList());
        }
    }
}
