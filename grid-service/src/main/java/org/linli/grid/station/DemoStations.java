package org.linli.grid.station;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.linli.grid.grid.GridDirectory;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.orgcopy.KnownOrgUnits;
import org.linli.grid.orgcopy.KnownOrgUnits.KnownOrgUnit;
import org.linli.grid.station.OpeningHours.Period;
import org.linli.grid.station.Station.Location;
import org.linli.grid.station.Station.OfferedService;
import org.linli.grid.station.Station.VolunteerPost;
import org.linli.platform.web.BusinessRuleViolation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * Demo stations for the demo grids: on the level-1 grids of the first 4 known communities (those
 * {@code POST /api/v1/grids/demo} builds on), three stations each — a 党群服务站 in the middle (八有 complete,
 * 3 stars), a 城市驿站 in the north-west (2 stars) and a 网格驿站 in the south-east that was promoted and
 * later lost its star (摘星) — each placed inside its grid and made through the same rules as any other.
 */
@Component
class DemoStations {

    private static final int COMMUNITIES = 4;

    private final StationRepository stations;
    private final GridDirectory grids;
    private final GridShapes shapes;
    private final KnownOrgUnits orgUnits;
    private final StationSettings settings;
    private final Clock clock;

    DemoStations(StationRepository stations, GridDirectory grids, GridShapes shapes, KnownOrgUnits orgUnits,
                 StationSettings settings, Clock clock) {
        this.stations = stations;
        this.grids = grids;
        this.shapes = shapes;
        this.orgUnits = orgUnits;
        this.settings = settings;
        this.clock = clock;
    }

    Summary load() {
        List<String> communities = orgUnits.firstOfType(KnownOrgUnits.COMMUNITY_COMMITTEE, COMMUNITIES).stream()
                .map(KnownOrgUnit::id).toList();
        List<String> gridIds = communities.isEmpty() ? List.of() : shapes.levelOneGridIds(communities);
        if (gridIds.isEmpty()) {
            throw new BusinessRuleViolation("no-grids", "the demo stations need the demo grids: load them first "
                    + "(POST /api/v1/grids/demo)");
        }
        if (stations.existsByCommunityUnitIdIn(communities)) {
            throw new BusinessRuleViolation("demo-already-loaded", "the demo stations are already loaded");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        List<Station> made = new ArrayList<>();
        for (String gridId : gridIds) {
            GridView grid = grids.find(gridId).orElseThrow();
            GridPlace place = shapes.place(grid);
            String community = orgUnits.find(grid.communityUnitId()).map(KnownOrgUnit::name).orElse(grid.name());

            Station centre = Station.open(place, new Station.Description(community + "党群服务站",
                    StationKind.PARTY_MASS_SERVICE_STATION, inside(place, 0.5, 0.5), community + "综合服务中心一楼",
                    weekdays(), services(Amenity.BOOK_BAR, Amenity.PRINTING, Amenity.MEDICINE_KIT, Amenity.LEGAL_ADVICE,
                            Amenity.MEDIATION_ROOM, Amenity.ELDERLY_CANTEEN),
                    List.of(new VolunteerPost(DutyPost.MEDIATION, 2, "周三下午矛盾调解"),
                            new VolunteerPost(DutyPost.SAFETY, 3, "夜间安全巡查"),
                            new VolunteerPost(DutyPost.HYGIENE, 4, "周末环境卫生整治"))), now);
            centre.assess(EnumSet.allOf(EightHave.class), now);
            centre.changeStars(3, "八有达标，群众满意度测评优秀", today.minusDays(60), today, now);
            made.add(centre);

            Station post = Station.open(place, new Station.Description(community + "城市驿站", StationKind.CITY_POST,
                    inside(place, 0.2, 0.8), community + "主街口", everyDay(LocalTime.of(7, 0), LocalTime.of(21, 0)),
                    services(Amenity.EBIKE_CHARGING, Amenity.PHONE_CHARGING, Amenity.DRINKING_WATER, Amenity.RESTROOM,
                            Amenity.REST_AREA, Amenity.UMBRELLAS, Amenity.MICROWAVE),
                    List.of(new VolunteerPost(DutyPost.RECEPTION, 2, "户外劳动者服务"))), now);
            post.assess(EnumSet.of(EightHave.CODE, EightHave.SIGN, EightHave.FACILITIES, EightHave.RULES, EightHave.TEAM,
                    EightHave.SERVICE), now);
            post.changeStars(2, "设施齐全，户外劳动者使用率高", today.minusDays(30), today, now);
            made.add(post);

            Station gridPost = Station.open(place, new Station.Description(community + "第一网格驿站", StationKind.GRID_POST,
                    inside(place, 0.8, 0.2), null, weekdaysAndSaturday(),
                    List.of(new OfferedService(Amenity.PARCELS, null), new OfferedService(Amenity.REPAIR_TOOLS, null),
                            new OfferedService(Amenity.OTHER, "代缴水电费")), List.of()), now);
            gridPost.assess(EnumSet.of(EightHave.CODE, EightHave.SIGN, EightHave.FACILITIES, EightHave.RULES,
                    EightHave.TEAM, EightHave.SERVICE), now);
            gridPost.changeStars(1, "网格驿站建成并通过验收", today.minusDays(120), today, now);
            gridPost.assess(EnumSet.of(EightHave.CODE, EightHave.SIGN, EightHave.FACILITIES, EightHave.SERVICE), now);
            gridPost.changeStars(0, "常态活动停办、服务队伍流失，八有不达标", today.minusDays(10), today, now);
            made.add(gridPost);
        }
        stations.insert(made);
        return new Summary(gridIds.size(), made.size());
    }

    /** A point at fractions of the grid's bounding box, or an interior point should that fall outside the grid. */
    private static Location inside(GridPlace place, double east, double north) {
        Envelope box = place.boundary().getEnvelopeInternal();
        Location location = new Location(box.getMinY() + north * box.getHeight(), box.getMinX() + east * box.getWidth());
        if (place.covers(location)) {
            return location;
        }
        Point interior = place.boundary().getInteriorPoint();
        Coordinate at = interior.getCoordinate();
        return new Location(at.y, at.x);
    }

    private static List<OfferedService> services(Amenity... amenities) {
        return Arrays.stream(amenities).map(amenity -> new OfferedService(amenity, null)).toList();
    }

    private static OpeningHours weekdays() {
        List<Period> periods = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            periods.add(new Period(day, LocalTime.of(8, 30), LocalTime.of(12, 0)));
            periods.add(new Period(day, LocalTime.of(14, 0), LocalTime.of(18, 0)));
        }
        periods.add(new Period(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        return OpeningHours.of(periods);
    }

    private static OpeningHours weekdaysAndSaturday() {
        return OpeningHours.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY).stream()
                .map(day -> new Period(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
    }

    private static OpeningHours everyDay(LocalTime opens, LocalTime closes) {
        return OpeningHours.of(EnumSet.allOf(DayOfWeek.class).stream().map(day -> new Period(day, opens, closes)).toList());
    }

    /** How many level-1 grids got stations, and how many stations were made. */
    record Summary(int grids, int stations) {
    }
}
