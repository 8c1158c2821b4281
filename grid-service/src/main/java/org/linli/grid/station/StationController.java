package org.linli.grid.station;

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
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Service stations", description = "党群服务站 / 城市驿站 / 网格驿站 / 邻里中心: hours, services, the 八有 "
        + "checklist, star rating (晋星/降星/摘星), duty roster of party members, volunteer posts; nearest stations and "
        + "the 15-minute life circle")
@RestController
@RequestMapping("/api/v1/stations")
class StationController {

    private final StationService service;

    StationController(StationService service) {
        this.service = service;
    }

    @Operation(summary = "Open a service station in a grid",
            description = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN whose scope covers the grid's community "
                    + "(403); 404 unknown grid. 422 station-outside-grid (the location must lie inside the grid's "
                    + "boundary, edges included), invalid-opening-hours (opens before closes, no overlap, ≤ 4 periods a "
                    + "day), other-service-needs-text, invalid-volunteer-posts, invalid-station-name; 400 invalid fields. "
                    + "A new station has no star and no 八有 item met.")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<StationResponse> create(Caller caller, @Valid @RequestBody CreateStationRequest request) {
        Station station = service.create(caller, request.gridId(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/stations/" + station.id()))
                .body(StationResponse.of(station, service.now()));
    }

    @Operation(summary = "The stations closest to a point, with the estimated walking distance",
            description = "Any signed-in account (residents included). walkingMetres = great-circle metres × "
                    + "linli.grid.stations.detour-factor (1.3); walkingMinutes at walking-speed-kmh (4); "
                    + "withinLifeCircle when walkingMetres ≤ walking-distance-m (1000). limit 1..20, default 5. "
                    + "400 lat/lng out of range. Public fields only (no roster).")
    @GetMapping("/nearest")
    NearestResponse nearest(@RequestParam @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                            @RequestParam @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
                            @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
        StationSettings settings = service.settings();
        LocalDateTime now = service.now();
        return new NearestResponse(lat, lng, settings.detourFactor(), service.nearest(lat, lng, limit).stream()
                .map(hit -> NearbyStation.of(hit, settings, now)).toList());
    }

    @Operation(summary = "The 15-minute life circle: households farther than the walking distance from every station",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER. With communityUnitId: that community (403 outside "
                    + "the scope, 404 unknown community); without: every community in the caller's scope with "
                    + "households. Per community: households, withinReach, outOfReach, unlocated (building without a "
                    + "location), shareWithinReach (of located households), and the out-of-reach buildings with the "
                    + "most households first, up to buildingsLimit (1..1000, default 100). Any station counts, whichever "
                    + "community it belongs to.")
    @GetMapping("/life-circle")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    LifeCircle.Report lifeCircle(Caller caller, @RequestParam(required = false) @Size(max = 64) String communityUnitId,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int buildingsLimit) {
        return service.lifeCircle(caller, communityUnitId, buildingsLimit);
    }

    @Operation(summary = "Read a station",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER whose scope covers the station's community (403); "
                    + "404 unknown id. The roster is at /{id}/duties.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    StationResponse get(Caller caller, @PathVariable String id) {
        return StationResponse.of(service.get(caller, id), service.now());
    }

    @Operation(summary = "List stations in the caller's scope",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER; paged (?page, ?size ≤ 200, ?sort). Filters: "
                    + "?gridId= (the grid and below; 403 outside the scope, 404 unknown), ?communityUnitId= (403/404), "
                    + "?kind=, ?minStars=.")
    @GetMapping
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    PagedModel<StationResponse> list(Caller caller, @RequestParam(required = false) String gridId,
                                     @RequestParam(required = false) String communityUnitId,
                                     @RequestParam(required = false) StationKind kind,
                                     @RequestParam(required = false) @Min(0) @Max(5) Integer minStars, Pageable pageable) {
        LocalDateTime now = service.now();
        return new PagedModel<>(service.list(caller, gridId, communityUnitId, kind, minStars, pageable)
                .map(station -> StationResponse.of(station, now)));
    }

    @Operation(summary = "Change a station's name, kind, location, address, hours, services or volunteer posts",
            description = "Roles: admins covering the station's community (403). Absent fields stay; an empty list "
                    + "clears. Same 422s as create; 409 stale version; 404 unknown id.")
    @PatchMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    StationResponse describe(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateStationRequest request) {
        return StationResponse.of(service.describe(caller, id, request.description(), request.version()), service.now());
    }

    @Operation(summary = "Set which 八有 items the station meets",
            description = "Roles: admins covering the station's community (403). The full list of met items "
                    + "(CODE, SIGN, FACILITIES, RULES, TEAM, ACTIVITIES, SERVICE, FUNDING). Does not change the stars: "
                    + "meetsStarStandard shows whether the current level is still backed. 409 stale version.")
    @PutMapping("/{id}/eight-haves")
    @PreAuthorize(Roles.ADMINS)
    StationResponse assess(Caller caller, @PathVariable String id, @Valid @RequestBody EightHavesRequest request) {
        return StationResponse.of(service.assess(caller, id, request.met(), request.version()), service.now());
    }

    @Operation(summary = "晋星 / 降星 / 摘星: change the star rating, with a reason",
            description = "Roles: admins covering the station's community (403). stars 0..5 (0 = 摘星); on defaults to "
                    + "today, not in the future nor before the last change (422 invalid-star-date). A promotion to 1–2 "
                    + "stars needs at least 6 of the 八有 items, to 3–5 stars all eight (422 eight-haves-incomplete, "
                    + "naming the missing ones). 422 invalid-star-change (same level); 409 stale version.")
    @PostMapping("/{id}/star-changes")
    @PreAuthorize(Roles.ADMINS)
    StationResponse changeStars(Caller caller, @PathVariable String id, @Valid @RequestBody StarChangeRequest request) {
        return StationResponse.of(service.changeStars(caller, id, request.stars(), request.reason(), request.on(),
                request.version()), service.now());
    }

    @Operation(summary = "Put a party member on the duty roster",
            description = "Roles: admins covering the station's community (403). The member comes from grid-service's "
                    + "copy of org-service's members: 422 unknown-member (not (yet) known), member-outside-community "
                    + "(neither in a branch of the station's community nor registered there as an in-service member), "
                    + "duty-date-out-of-range (30 days back to 90 ahead), duplicate-duty (same member, date and post), "
                    + "roster-full; 409 stale version. Answers the shift and the station's new version.")
    @PostMapping("/{id}/duties")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<DutyResponse> addDuty(Caller caller, @PathVariable String id, @Valid @RequestBody DutyRequest request) {
        StationService.DutyAdded added = service.addDuty(caller, id, request.date(), request.memberId(), request.post(),
                request.note(), request.version());
        return ResponseEntity.created(URI.create("/api/v1/stations/" + id + "/duties/" + added.duty().id()))
                .body(DutyResponse.of(added.duty(), added.station().version()));
    }

    @Operation(summary = "The duty roster, by date",
            description = "Roles: admins, GRID_WORKER, PARTY_MEMBER covering the station's community (403); "
                    + "?from=&to= (inclusive dates), paged.")
    @GetMapping("/{id}/duties")
    @PreAuthorize(Roles.STAFF_AND_PARTY_MEMBERS)
    PagedModel<DutyResponse> duties(Caller caller, @PathVariable String id,
                                    @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to, Pageable pageable) {
        return new PagedModel<>(service.duties(caller, id, from, to, pageable).map(duty -> DutyResponse.of(duty, null)));
    }

    @Operation(summary = "Take a shift off the roster",
            description = "Roles: admins covering the station's community (403). ?version= required; 409 stale "
                    + "version; 404 unknown station or shift.")
    @DeleteMapping("/{id}/duties/{dutyId}")
    @PreAuthorize(Roles.ADMINS)
    StationResponse removeDuty(Caller caller, @PathVariable String id, @PathVariable String dutyId,
                               @RequestParam long version) {
        return StationResponse.of(service.removeDuty(caller, id, dutyId, version), service.now());
    }

    @Operation(summary = "Delete a station",
            description = "Roles: admins covering the station's community (403). ?version= required; 409 stale "
                    + "version; 404 unknown id. It no longer counts for nearest or the life circle.")
    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id, @RequestParam long version) {
        service.delete(caller, id, version);
        return ResponseEntity.noContent().build();
    }

    record LocationBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {

        Station.Location location() {
            return new Station.Location(lat, lng);
        }
    }

    record PeriodBody(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    record ServiceBody(@NotNull Amenity amenity, @Size(max = 50) String text) {
    }

    record VolunteerPostBody(@NotNull DutyPost post, @NotNull @Min(1) @Max(Station.MAX_VOLUNTEER_SLOTS) Integer slots,
                             @Size(max = Station.MAX_TEXT_LENGTH) String description) {
    }

    record CreateStationRequest(@NotBlank @Size(max = 64) String gridId,
                                @NotBlank @Size(max = Station.MAX_NAME_LENGTH) String name, @NotNull StationKind kind,
                                @NotNull @Valid LocationBody location,
                                @Size(max = Station.MAX_ADDRESS_LENGTH) String address,
                                @Size(max = 28) List<@Valid @NotNull PeriodBody> openingHours,
                                @Size(max = Station.MAX_SERVICES) List<@Valid @NotNull ServiceBody> services,
                                @Size(max = Station.MAX_VOLUNTEER_POSTS) List<@Valid @NotNull VolunteerPostBody> volunteerPosts) {

        Station.Description description() {
            return Bodies.description(name, kind, location, address, openingHours, services, volunteerPosts);
        }
    }

    record UpdateStationRequest(@Size(min = 1, max = Station.MAX_NAME_LENGTH) String name, StationKind kind,
                                @Valid LocationBody location, @Size(max = Station.MAX_ADDRESS_LENGTH) String address,
                                @Size(max = 28) List<@Valid @NotNull PeriodBody> openingHours,
                                @Size(max = Station.MAX_SERVICES) List<@Valid @NotNull ServiceBody> services,
                                @Size(max = Station.MAX_VOLUNTEER_POSTS) List<@Valid @NotNull VolunteerPostBody> volunteerPosts,
                                @NotNull Long version) {

        Station.Description description() {
            return Bodies.description(name, kind, location, address, openingHours, services, volunteerPosts);
        }
    }

    record EightHavesRequest(@NotNull Set<@NotNull EightHave> met, @NotNull Long version) {
    }

    record StarChangeRequest(@NotNull @Min(0) @Max(Station.MAX_STARS) Integer stars,
                             @NotBlank @Size(max = Station.MAX_REASON_LENGTH) String reason, LocalDate on,
                             @NotNull Long version) {
    }

    record DutyRequest(@NotNull LocalDate date, @NotBlank @Size(max = 64) String memberId, @NotNull DutyPost post,
                       @Size(max = Station.MAX_TEXT_LENGTH) String note, @NotNull Long version) {
    }

    /** Request bodies to domain values. */
    private static final class Bodies {

        private Bodies() {
        }

        static Station.Description description(String name, StationKind kind, LocationBody location, String address,
                                               List<PeriodBody> hours, List<ServiceBody> services,
                                               List<VolunteerPostBody> posts) {
            return new Station.Description(name, kind, location == null ? null : location.location(), address,
                    hours == null ? null : OpeningHours.of(hours.stream()
                            .map(p -> new OpeningHours.Period(p.day(), p.opens(), p.closes())).toList()),
                    services == null ? null : services.stream()
                            .map(s -> new Station.OfferedService(s.amenity(), s.text())).toList(),
                    posts == null ? null : posts.stream()
                            .map(p -> new Station.VolunteerPost(p.post(), p.slots(), p.description())).toList());
        }
    }

    record ServiceResponse(Amenity amenity, String label, String text) {

        static ServiceResponse of(Station.OfferedService service) {
            return new ServiceResponse(service.amenity(), service.amenity() == Amenity.OTHER ? service.text()
                    : service.amenity().label(), service.text());
        }
    }

    record EightHaveItem(EightHave item, String label, boolean met) {
    }

    /** The 八有 checklist: every item with whether it is met, how many are, and the share. */
    record EightHavesResponse(List<EightHaveItem> items, int met, double share) {

        static EightHavesResponse of(Station station) {
            Set<EightHave> met = station.eightHaves();
            return new EightHavesResponse(Arrays.stream(EightHave.values())
                    .map(item -> new EightHaveItem(item, item.label(), met.contains(item))).toList(), met.size(),
                    station.eightHavesShare());
        }
    }

    record StarChangeResponse(StarChangeKind kind, String kindLabel, int from, int to, String reason, LocalDate on,
                              Instant recordedAt) {

        static StarChangeResponse of(Station.StarChange change) {
            return new StarChangeResponse(change.kind(), change.kind().label(), change.from(), change.to(),
                    change.reason(), change.on(), change.recordedAt());
        }
    }

    record VolunteerPostResponse(DutyPost post, String postLabel, int slots, String description) {

        static VolunteerPostResponse of(Station.VolunteerPost post) {
            return new VolunteerPostResponse(post.post(), post.post().label(), post.slots(), post.description());
        }
    }

    record StationResponse(String id, String name, StationKind kind, String kindLabel, String gridId,
                           String communityUnitId, Station.Location location, String address,
                           List<OpeningHours.Period> openingHours, Boolean openNow, List<ServiceResponse> services,
                           EightHavesResponse eightHaves, int stars, boolean meetsStarStandard,
                           List<StarChangeResponse> starHistory, List<VolunteerPostResponse> volunteerPosts,
                           Instant createdAt, Instant updatedAt, Long version) {

        static StationResponse of(Station station, LocalDateTime now) {
            return new StationResponse(station.id(), station.name(), station.kind(), station.kind().label(),
                    station.gridId(), station.communityUnitId(), station.location(), station.address(),
                    station.openingHours().periods(), station.openingHours().openAt(now),
                    station.services().stream().map(ServiceResponse::of).toList(), EightHavesResponse.of(station),
                    station.stars(), station.meetsStarStandard(),
                    station.starHistory().stream().map(StarChangeResponse::of).toList(),
                    station.volunteerPosts().stream().map(VolunteerPostResponse::of).toList(), station.createdAt(),
                    station.updatedAt(), station.version());
        }
    }

    /** A shift; {@code stationVersion} is the station's version after adding it (only in the answer to an add). */
    record DutyResponse(String id, LocalDate date, String memberId, String memberName, DutyPost post, String postLabel,
                        String note, Instant recordedAt, Long stationVersion) {

        static DutyResponse of(Station.Duty duty, Long stationVersion) {
            return new DutyResponse(duty.id(), duty.date(), duty.memberId(), duty.memberName(), duty.post(),
                    duty.post().label(), duty.note(), duty.recordedAt(), stationVersion);
        }
    }

    record NearbyStation(String id, String name, StationKind kind, String kindLabel, String address,
                         Station.Location location, int stars, List<ServiceResponse> services, Boolean openNow,
                         long greatCircleMetres, long walkingMetres, long walkingMinutes, boolean withinLifeCircle) {

        static NearbyStation of(StationTree.Hit hit, StationSettings settings, LocalDateTime now) {
            IndexedStation station = hit.station();
            long walking = settings.walkingMetres(hit.metres());
            return new NearbyStation(station.id(), station.name(), station.kind(), station.kind().label(),
                    station.address(), new Station.Location(station.lat(), station.lng()), station.stars(),
                    station.services().stream().map(ServiceResponse::of).toList(), station.openingHours().openAt(now),
                    Math.round(hit.metres()), walking, settings.walkingMinutes(hit.metres()),
                    hit.metres() <= settings.reachRadiusMetres());
        }
    }

    /** The stations closest to (lat, lng), closest first. */
    record NearestResponse(double lat, double lng, double detourFactor, List<NearbyStation> stations) {
    }
}
