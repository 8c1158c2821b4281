package org.linli.grid.household;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.grid.BuildingRegistered;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A building (楼栋) inside a grid, with its units (单元). It copies the grid's {@code gridPath} and
 * {@code communityPath}, so a subtree or a caller's scope is one prefix query. Registering it records
 * {@link BuildingRegistered}, which issue-service uses to route QR-code reports made for the building.
 */
@Document("buildings")
class Building extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_UNITS = 50;

    @Id
    private String id;
    @Indexed
    private String gridId;
    @Indexed
    private String gridPath;
    @Indexed
    private String communityPath;
    private String name;
    private String address;
    private Location location;
    private List<String> units;
    private Instant createdAt;
    private String communityUnitId;

    protected Building() {
        // for the mapping layer
    }

    private Building(String id, GridView grid, String name, String address, Location location, List<String> units,
                     Instant now) {
        this.id = id;
        this.gridId = grid.id();
        this.gridPath = grid.path();
        this.communityPath = grid.communityPath();
        this.name = name;
        this.address = address;
        this.location = location;
        this.units = units;
        this.communityUnitId = grid.communityUnitId();
        this.createdAt = now;
        recordEvent(id, new BuildingRegistered(id, gridId, communityUnitId, name,
                location == null ? null : location.lat(), location == null ? null : location.lng()), now);
    }

    /** A building in {@code grid} with at least one unit; unit numbers are trimmed and must differ. */
    static Building in(GridView grid, String name, String address, Location location, List<String> units, Instant now) {
        Objects.requireNonNull(grid);
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-building-name", "a building name has 1 to 100 characters");
        }
        if (units == null || units.isEmpty() || units.size() > MAX_UNITS) {
            throw new BusinessRuleViolation("invalid-building-units", "a building has 1 to 50 units");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String unit : units) {
            if (unit == null || unit.isBlank() || !distinct.add(unit.strip())) {
                throw new BusinessRuleViolation("invalid-building-units",
                        "unit numbers must be non-blank and different from each other");
            }
        }
        return new Building(UUID.randomUUID().toString(), grid, name.strip(),
                address == null || address.isBlank() ? null : address.strip(), location, List.copyOf(distinct), now);
    }

    boolean hasUnit(String unit) {
        return unit != null && units.contains(unit.strip());
    }

    String id() {
        return id;
    }

    String gridId() {
        return gridId;
    }

    String gridPath() {
        return gridPath;
    }

    String communityPath() {
        return communityPath;
    }

    String name() {
        return name;
    }

    String address() {
        return address;
    }

    Location location() {
        return location;
    }

    List<String> units() {
        return units;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** A WGS-84 position. */
    record Location(double lat, double lng) {
    }
}
