package org.linli.points.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.points.copies.PartyMemberCopy;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Party members' contribution", description = "党员参与与物业费缴纳情况: a reference for party members' evaluation")
@RestController
@Validated
@RequestMapping("/api/v1/points/party-members")
class ContributionController {

    private final ContributionService service;

    ContributionController(ContributionService service) {
        this.service = service;
    }

    @Operation(summary = "Party members known to points-service, in the caller's scope",
            description = "Roles: admins; paged. Members arrive from org-service's PartyMemberRegistered.")
    @GetMapping
    @PreAuthorize(Roles.ADMINS)
    PagedModel<MemberResponse> page(Caller caller, Pageable pageable) {
        return new PagedModel<>(service.page(caller, pageable).map(MemberResponse::of));
    }

    @Operation(summary = "A member's contribution record for a year",
            description = "Admins covering the member's party organisation, or the member through the linked account "
                    + "(403). Activities attended and minutes served (confirmed activities starting in the year), points "
                    + "earned by reason (ledger), property-fee status. 404 unknown member.")
    @GetMapping("/{memberId}/contribution/{year}")
    ContributionService.Record record(Caller caller, @PathVariable String memberId,
                                      @PathVariable @Min(2000) @Max(2100) int year) {
        return service.record(caller, memberId, year);
    }

    @Operation(summary = "Link the member's login account",
            description = "Roles: admins covering the member (403); 404. The registration event carries no account, "
                    + "so participation and points count once linked.")
    @PutMapping("/{memberId}/account")
    @PreAuthorize(Roles.ADMINS)
    MemberResponse link(Caller caller, @PathVariable String memberId, @Valid @RequestBody LinkRequest request) {
        return MemberResponse.of(service.link(caller, memberId, request.accountId()));
    }

    @Operation(summary = "Record the property-fee payment status of a year",
            description = "Roles: admins covering the member (403). status PAID, PARTLY_PAID or UNPAID (422 "
                    + "invalid-fee-status); replaces an earlier record of the year. 404 unknown member.")
    @PutMapping("/{memberId}/property-fees/{year}")
    @PreAuthorize(Roles.ADMINS)
    MemberResponse fee(Caller caller, @PathVariable String memberId, @PathVariable @Min(2000) @Max(2100) int year,
                       @Valid @RequestBody FeeRequest request) {
        return MemberResponse.of(service.recordFee(caller, memberId, year, request.status(), request.note()));
    }

    record LinkRequest(@NotBlank @Size(max = 64) String accountId) {
    }

    record FeeRequest(@NotBlank @Size(max = 20) String status, @Size(max = 200) String note) {
    }

    record MemberResponse(String memberId, String name, String kind, String branchId, String accountId,
                          List<PartyMemberCopy.FeeStatus> propertyFees, Instant registeredAt) {

        static MemberResponse of(PartyMemberCopy member) {
            return new MemberResponse(member.memberId(), member.name(), member.kind(), member.branchId(),
                    member.accountId(), member.propertyFees() == null ? List.of() : member.propertyFees(),
                    member.registeredAt());
        }
    }
}
