package org.linli.org.member;

import org.linli.platform.audit.UnmaskedReads;
import org.linli.platform.domain.MobileNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Party members", description = "Resident and in-service party members (住户党员, 在职党员双报到), "
        + "their households (包联), unit leaders (单元长) and the public board (亮身份)")
@RestController
@RequestMapping("/api/v1/party-members")
class PartyMemberController {

    private final PartyMemberService service;

    PartyMemberController(PartyMemberService service) {
        this.service = service;
    }

    @Operation(summary = "Register a party member",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN whose scope covers the branch (else 403). "
                    + "An IN_SERVICE member needs dualRegistration (双报到); unitLeader needs buildingUnitRef. "
                    + "Errors: 400 invalid body, 404 unknown unit, 409 id number already registered, 422 "
                    + "invalid-id-number, dual-registration-required, dual-registration-not-applicable, invalid-branch, "
                    + "invalid-group, invalid-residence-community, unit-inactive, building-unit-required, unit-leader-taken.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<MemberResponse> register(Caller caller, @Valid @RequestBody RegisterRequest request) {
        PartyMember member = service.register(caller, request.registration(), request.branchId(), request.groupId(),
                Boolean.TRUE.equals(request.unitLeader()));
        return ResponseEntity.created(URI.create("/api/v1/party-members/" + member.id()))
                .body(MemberResponse.of(member, caller));
    }

    @Operation(summary = "The public board of a unit (亮身份): name and duty of its active members",
            description = "Any signed-in account, residents included; the unit's whole subtree; paged. 404 unknown unit.")
    @GetMapping("/public-board")
    PagedModel<PartyMemberService.BoardEntry> publicBoard(@RequestParam String unitId, Pageable pageable) {
        return new PagedModel<>(service.publicBoard(unitId, pageable));
    }

    @Operation(summary = "Read a party member",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; 403 outside the caller's scope, 404 unknown id. "
                    + "idNumber and phone are masked unless the caller is an admin whose scope covers the member.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    MemberResponse get(Caller caller, @PathVariable String id) {
        return MemberResponse.of(service.get(caller, id), caller);
    }

    @Operation(summary = "List party members in the caller's scope, optionally of one branch and kind",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; county-wide accounts see all. Paged (?page, "
                    + "?size ≤ 200, ?sort). 403 for a branch outside the scope, 404 unknown branch. Masked as in GET /{id}.")
    @GetMapping
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    PagedModel<MemberResponse> list(Caller caller, @RequestParam(required = false) String branchId,
                                    @RequestParam(required = false) MemberKind kind, Pageable pageable) {
        return new PagedModel<>(service.list(caller, branchId, kind, pageable).map(m -> MemberResponse.of(m, caller)));
    }

    @Operation(summary = "Transfer a member to another branch (组织关系转接), keeping the history",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering both the member and the target "
                    + "unit (else 403). Errors: 400 invalid body, 404 unknown member or unit, 409 stale version, 422 "
                    + "transfer-to-same-unit, invalid-branch, invalid-group, unit-inactive, member-not-active.")
    @PostMapping("/{id}/transfers")
    @PreAuthorize(Roles.ADMINS)
    MemberResponse transfer(Caller caller, @PathVariable String id, @Valid @RequestBody TransferRequest request) {
        return MemberResponse.of(service.transfer(caller, id, request.version(), request.toUnitId(), request.toGroupId(),
                request.reason()), caller);
    }

    @Operation(summary = "Link a household to the member (包联)",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the member (else 403). At most "
                    + "2 ordinary households; a special-group household (special or specialGroup given) only for a "
                    + "unit leader and only in its building unit (buildingUnitRef). Answers the member. Errors: 400 "
                    + "invalid body, 404 unknown member, 409 stale version, 422 household-link-limit, "
                    + "household-already-linked, not-a-unit-leader, special-group-required, outside-building-unit, "
                    + "member-not-active.")
    @PostMapping("/{id}/household-links")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<MemberResponse> linkHousehold(Caller caller, @PathVariable String id,
                                                 @Valid @RequestBody HouseholdLinkRequest request) {
        boolean special = Boolean.TRUE.equals(request.special()) || request.specialGroup() != null;
        PartyMember member = service.linkHousehold(caller, id, request.version(), request.householdId(),
                request.specialGroup(), request.buildingUnitRef(), special);
        return ResponseEntity.created(URI.create("/api/v1/party-members/" + id + "/household-links/"
                + request.householdId())).body(MemberResponse.of(member, caller));
    }

    @Operation(summary = "End the member's link to a household",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN covering the member (else 403); "
                    + "?version required. Answers the member. Errors: 404 unknown member or link, 409 stale version, "
                    + "422 member-not-active.")
    @DeleteMapping("/{id}/household-links/{householdId}")
    @PreAuthorize(Roles.ADMINS)
    MemberResponse unlinkHousehold(Caller caller, @PathVariable String id, @PathVariable String householdId,
                                   @RequestParam long version) {
        return MemberResponse.of(service.unlinkHousehold(caller, id, version, householdId), caller);
    }

    record RegisterRequest(
            @NotBlank @Size(max = PartyMember.MAX_NAME_LENGTH) String name,
            @NotBlank @Size(max = 32) String idNumber,
            @Pattern(regexp = MobileNumber.FORMAT) String phone,
            @NotNull MemberKind kind,
            @Valid DualRegistrationRequest dualRegistration,
            @NotBlank @Size(max = 64) String branchId,
            @Size(max = 64) String groupId,
            @Size(max = 64) String buildingId,
            @Size(max = 64) String buildingUnitRef,
            Boolean unitLeader,
            @Size(max = 30) String duty,
            @Size(max = 64) String accountId) {

        PartyMember.Registration registration() {
            DualRegistration dual = dualRegistration == null ? null : new DualRegistration(
                    dualRegistration.workUnit(), dualRegistration.residenceCommunityId(), dualRegistration.registeredOn());
            return new PartyMember.Registration(name, idNumber, phone, kind, dual, buildingId, buildingUnitRef, duty,
                    accountId);
        }
    }

    record DualRegistrationRequest(@NotBlank @Size(max = 100) String workUnit,
                                   @NotBlank @Size(max = 64) String residenceCommunityId,
                                   @NotNull @PastOrPresent LocalDate registeredOn) {
    }

    record TransferRequest(@NotBlank @Size(max = 64) String toUnitId, @Size(max = 64) String toGroupId,
                           @NotBlank @Size(max = 200) String reason, @NotNull Long version) {
    }

    record HouseholdLinkRequest(@NotBlank @Size(max = 64) String householdId, Boolean special,
                                SpecialGroup specialGroup, @Size(max = 64) String buildingUnitRef,
                                @NotNull Long version) {
    }

    record MemberResponse(String id, String name, String idNumber, String phone, MemberKind kind, String kindLabel,
                          DualRegistrationResponse dualRegistration, String branchId, String groupId, String unitPath,
                          String buildingId, String buildingUnitRef, boolean unitLeader, String duty,
                          String accountId, PartyMember.Status status, List<HouseholdLinkResponse> householdLinks,
                          List<TransferResponse> transfers, Instant registeredAt, Long version) {

        /** The member as this caller may see it: personal data masked unless an admin covers the member. */
        static MemberResponse of(PartyMember member, Caller caller) {
            boolean unmasked = PartyMemberService.seesPersonalData(caller, member);
            MobileNumber phone = member.phone();
            if (unmasked) {
                if (phone == null) {
                    UnmaskedReads.record(member.accountId(), "party-member", member.id(), "idNumber");
                } else {
                    UnmaskedReads.record(member.accountId(), "party-member", member.id(), "idNumber", "phone");
                }
            }
            DualRegistration dual = member.dualRegistration();
            return new MemberResponse(member.id(), member.name(),
                    unmasked ? member.idNumber().value() : member.idNumber().masked(),
                    phone == null ? null : unmasked ? phone.value() : phone.masked(),
                    member.kind(), member.kind().label(),
                    dual == null ? null : new DualRegistrationResponse(dual.workUnit(), dual.residenceCommunityId(),
                            dual.registeredOn()),
                    member.branchId(), member.groupId(), member.unitPath(), member.buildingId(),
                    member.buildingUnitRef(), member.isUnitLeader(), member.duty(), member.accountId(), member.status(),
                    member.householdLinks().stream().map(HouseholdLinkResponse::of).toList(),
                    member.transfers().stream().map(TransferResponse::of).toList(),
                    member.registeredAt(), member.version());
        }
    }

    record DualRegistrationResponse(String workUnit, String residenceCommunityId, LocalDate registeredOn) {
    }

    record HouseholdLinkResponse(String householdId, boolean special, SpecialGroup specialGroup,
                                 String specialGroupLabel, String buildingUnitRef, Instant linkedAt) {

        static HouseholdLinkResponse of(HouseholdLink link) {
            return new HouseholdLinkResponse(link.householdId(), link.special(), link.specialGroup(),
                    link.special() ? link.specialGroup().label() : null, link.buildingUnitRef(), link.linkedAt());
        }
    }

    record TransferResponse(String fromUnitId, String toUnitId, Instant at, String reason) {

        static TransferResponse of(Transfer transfer) {
            return new TransferResponse(transfer.fromUnitId(), transfer.toUnitId(), transfer.at(), transfer.reason());
        }
    }
}
