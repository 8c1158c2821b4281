package org.linli.org.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

@Tag(name = "Resources (资源清单)", description = "What party members, dual-registration units and property companies "
        + "offer to communities, with a monthly capacity that running projects hold.")
@RestController
@RequestMapping("/api/v1/resources")
class ResourceController {

    private final ResourceService service;

    ResourceController(ResourceService service) {
        this.service = service;
    }

    @Operation(summary = "Offer a resource to communities",
            description = "Admins: for any provider, every community in their scope (403 otherwise). PARTY_MEMBER: "
                    + "for themself only (providerKind PARTY_MEMBER, providerId their own party-member record, else "
                    + "403), to their own community. providerId: the party member's record id, the dual-registration "
                    + "unit's id, or property-service's company id (providerName needed when org-service does not "
                    + "know the company). 404 unknown member, unit or community; 422 invalid-community, not-paired, "
                    + "member-not-in-community, provider-name-required, invalid-capacity.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS_AND_PARTY_MEMBERS)
    ResponseEntity<ResourceResponse> offerResource(Caller caller, @Valid @RequestBody OfferRequest request) {
        Resource resource = service.offer(caller, request.providerKind(), request.providerId(), request.providerName(),
                new Resource.Offer(request.category(), request.description(), request.capacity(),
                        request.capacityUnit(), request.communityIds()));
        return ResponseEntity.created(URI.create("/api/v1/resources/" + resource.id()))
                .body(ResourceResponse.of(resource));
    }

    @Operation(summary = "A community's resources",
            description = "Roles: RESIDENT, GRID_WORKER, PARTY_MEMBER of the community, admins covering it (403 "
                    + "another community). ?communityId= required, ?category=. Paged.")
    @GetMapping
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    PagedModel<ResourceResponse> listResources(Caller caller, @RequestParam String communityId,
                                               @RequestParam(required = false) NeedCategory category,
                                               Pageable pageable) {
        return new PagedModel<>(service.list(caller, communityId, category, pageable).map(ResourceResponse::of));
    }

    @Operation(summary = "Read a resource",
            description = "People of, or admins covering, one of the communities it serves (403 otherwise); 404.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.COMMUNITY_PEOPLE)
    ResourceResponse readResource(Caller caller, @PathVariable String id) {
        return ResourceResponse.of(service.get(caller, id));
    }

    record OfferRequest(@NotNull Provider.Kind providerKind, @NotBlank @Size(max = 64) String providerId,
                        @Size(max = 100) String providerName, @NotNull NeedCategory category,
                        @NotBlank @Size(max = Resource.MAX_TEXT) String description,
                        @NotNull @Min(1) @Max(Resource.MAX_CAPACITY) Integer capacity,
                        @NotNull Resource.CapacityUnit capacityUnit,
                        @NotEmpty @Size(max = Resource.MAX_COMMUNITIES)
                        List<@NotBlank @Size(max = 64) String> communityIds) {
    }

    record ProviderResponse(Provider.Kind kind, String kindLabel, String id, String name) {

        static ProviderResponse of(Provider provider) {
            return new ProviderResponse(provider.kind(), provider.kind().label(), provider.id(), provider.name());
        }
    }

    record ResourceResponse(String id, ProviderResponse provider, NeedCategory category, String categoryLabel,
                            String description, int capacity, int capacityLeft, Resource.CapacityUnit capacityUnit,
                            String capacityUnitLabel, List<String> communityIds, Instant offeredAt, Long version) {

        static ResourceResponse of(Resource r) {
            return new ResourceResponse(r.id(), ProviderResponse.of(r.provider()), r.category(), r.category().label(),
                    r.description(), r.capacity(), r.capacityLeft(), r.capacityUnit(), r.capacityUnit().label(),
                    r.communityIds(), r.offeredAt(), r.version());
        }
    }
}
