package org.linli.property.courier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.MobileNumber;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Page;
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

@Tag(name = "Couriers and riders", description = "新就业群体 (智慧暖\"新\"): couriers' and riders' registrations, the "
        + "community's check, the push to the property companies of the compounds in the area and their access "
        + "decisions")
@RestController
@RequestMapping("/api/v1/couriers")
class CourierController {

    private static final String COMPANY_STAFF = "hasRole('" + Roles.PROPERTY_STAFF + "')";
    private static final String REGISTRANTS = "hasAnyRole('" + Roles.RESIDENT + "','" + Roles.COMMUNITY_ADMIN + "','"
            + Roles.GRID_WORKER + "')";
    private static final String VERIFIERS = "hasAnyRole('" + Roles.COMMUNITY_ADMIN + "','" + Roles.STREET_ADMIN + "')";

    private final CourierService service;

    CourierController(CourierService service) {
        this.service = service;
    }

    @Operation(summary = "Register a courier or rider for the area they serve",
            description = "Roles: RESIDENT for themselves (the caller's account; naming another accountId: 403); "
                    + "COMMUNITY_ADMIN or GRID_WORKER covering the area for a courier (403 otherwise), with the "
                    + "courier's accountId if they have one. areaUnitId: a community or street (township) org unit. "
                    + "PENDING until the community checks it. 422 unknown-area, courier-already-registered (the "
                    + "account has a pending or verified registration for the area), invalid-courier-name, "
                    + "invalid-courier-company; 409 already-exists when a concurrent registration for the same "
                    + "account and area was stored first; 400 for a phone that is not an 11-digit mobile number. "
                    + "The phone is answered whole to the courier and admins, masked to grid workers. accountId: the "
                    + "courier's account (the caller's own for a self-registration), shown to the courier and staff.")
    @PostMapping
    @PreAuthorize(REGISTRANTS)
    ResponseEntity<RegistrationResponse> register(Caller caller, @Valid @RequestBody RegistrationRequest request) {
        CourierRegistration registration = service.register(caller, new CourierService.Details(request.accountId(),
                request.personName(), request.kind(), request.company(), request.phone(), request.areaUnitId()));
        return ResponseEntity.created(URI.create("/api/v1/couriers/" + registration.id()))
                .body(RegistrationResponse.of(registration, List.of(), caller));
    }

    @Operation(summary = "Couriers and riders registered in the caller's area, newest first",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN, GRID_WORKER; registrations whose area "
                    + "lies in the caller's subtree (county-wide accounts: all). Filter ?status=PENDING|VERIFIED|"
                    + "REJECTED. Phones masked in the list. Paged, newest first (fixed order).")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<RegistrationResponse> list(Caller caller,
                                          @RequestParam(required = false) CourierRegistration.Status status,
                                          Pageable pageable) {
        return new PagedModel<>(service.list(caller, status, pageable)
                .map(RegistrationResponse::listed));
    }

    @Operation(summary = "The caller's own courier registrations, newest first",
            description = "Any signed-in account; only registrations made with the caller's account (by the courier, "
                    + "or by staff naming it). Phone whole. Paged. Open one for its access decisions.")
    @GetMapping("/mine")
    PagedModel<RegistrationResponse> myCourierRegistrations(Caller caller, Pageable pageable) {
        return new PagedModel<>(service.mine(caller, pageable)
                .map(registration -> RegistrationResponse.of(registration, List.of(), caller)));
    }

    @Operation(summary = "A courier registration with the property companies' access decisions",
            description = "The courier (their account) and COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN, GRID_WORKER "
                    + "covering the area (403 otherwise); 404 unknown. The phone is whole for the courier and admins "
                    + "(an admin's read is in the audit trail), masked for grid workers. accessRequests: one per "
                    + "compound of the area once verified, with its decision.")
    @GetMapping("/{id}")
    RegistrationResponse get(Caller caller, @PathVariable String id) {
        CourierRegistration registration = service.get(caller, id);
        return RegistrationResponse.of(registration, service.accessRequestsOf(registration), caller);
    }

    @Operation(summary = "Verify a courier registration and push it to the compounds of its area",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN covering the area (403). PENDING → VERIFIED, then one "
                    + "access request per compound whose community lies in the area, for the company serving it. "
                    + "Repeating it on a verified registration whose push was interrupted resumes the push. 422 "
                    + "wrong-step (already verified and pushed, or rejected); 404; 409 concurrent change.")
    @PostMapping("/{id}/verification")
    @PreAuthorize(VERIFIERS)
    RegistrationResponse verify(Caller caller, @PathVariable String id) {
        CourierRegistration registration = service.verify(caller, id);
        return RegistrationResponse.of(registration, service.accessRequestsOf(registration), caller);
    }

    @Operation(summary = "Reject a courier registration, with the reason",
            description = "Roles: COMMUNITY_ADMIN, STREET_ADMIN covering the area (403). PENDING → REJECTED. 422 "
                    + "wrong-step (not pending), reason-required, reason-too-long; 404; 409 concurrent change.")
    @PostMapping("/{id}/rejection")
    @PreAuthorize(VERIFIERS)
    RegistrationResponse reject(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        return RegistrationResponse.of(service.reject(caller, id, request.reason()), List.of(), caller);
    }

    @Operation(summary = "Access requests of verified couriers for the compounds the caller's company serves",
            description = "Roles: PROPERTY_STAFF; the compounds their company serves today. ?status (default PENDING; "
                    + "GRANTED, REFUSED), oldest first. The courier's phone is masked. Paged.")
    @GetMapping("/access-requests")
    @PreAuthorize(COMPANY_STAFF)
    PagedModel<AccessRequestResponse> listCourierAccessRequests(
            Caller caller, @RequestParam(required = false) AccessRequest.Status status, Pageable pageable) {
        Page<AccessRequest> page = service.accessRequests(caller, status, pageable);
        Map<String, CourierRegistration> registrations = service.registrationsOf(page.getContent());
        return new PagedModel<>(page.map(request -> AccessRequestResponse.of(request,
                registrations.get(request.registrationId()))));
    }

    @Operation(summary = "Grant or refuse a courier access to a compound (the property company's decision)",
            description = "Roles: PROPERTY_STAFF of the company serving the compound today (403 otherwise). Once: 422 "
                    + "wrong-step when decided already; a refusal states its reason (422 reason-required), "
                    + "reason-too-long; 404 unknown request; 409 concurrent change.")
    @PostMapping("/access-requests/{requestId}/decision")
    @PreAuthorize(COMPANY_STAFF)
    AccessRequestResponse decideCourierAccess(Caller caller, @PathVariable String requestId,
                                              @Valid @RequestBody DecisionRequest request) {
        AccessRequest decided = service.decide(caller, requestId, request.granted(), request.reason());
        return AccessRequestResponse.of(decided, service.find(decided.registrationId()));
    }

    record RegistrationRequest(@NotBlank @Size(max = CourierRegistration.MAX_NAME) String personName,
                               @NotNull CourierKind kind,
                               @NotBlank @Size(max = CourierRegistration.MAX_COMPANY) String company,
                               @NotBlank @Pattern(regexp = MobileNumber.FORMAT) String phone,
                               @NotBlank @Size(max = 64) String areaUnitId, @Size(max = 64) String accountId) {
    }

    record ReasonRequest(@Size(max = CourierRegistration.MAX_REASON) String reason) {
    }

    record DecisionRequest(@NotNull Boolean granted, @Size(max = AccessRequest.MAX_REASON) String reason) {
    }
}
