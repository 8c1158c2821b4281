package org.linli.org.unit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.org.OrgUnitCreated;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.web.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of the party organisation (街道党工委, 社区党委, 网格党支部, …). Its {@code path} lists the
 * ids from the root down to itself ({@code /a/b/c/}), so a subtree is one indexed prefix query and a
 * unit's ancestors are read off the path.
 */
@Document("org_units")
public class OrgUnit extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    private String id;
    private OrgUnitType type;
    private String name;
    private String parentId;
    @Indexed
    private String path;
    private Instant createdAt;

    protected OrgUnit() {
        // for the mapping layer
    }

    private OrgUnit(String id, OrgUnitType type, String name, String parentId, String path, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.parentId = parentId;
        this.path = path;
        this.createdAt = createdAt;
        recordEvent(id, new OrgUnitCreated(id, type.name(), name, parentId, path), createdAt);
    }

    /** A top unit of a region (a street committee, a township, an industrial park). */
    public static OrgUnit root(OrgUnitType type, String name, Instant now) {
        String id = UUID.randomUUID().toString();
        return new OrgUnit(id, Objects.requireNonNull(type), validName(name), null, "/" + id + "/", now);
    }

    /** A unit under this one. */
    public OrgUnit createChild(OrgUnitType childType, String childName, Instant now) {
        if (type == OrgUnitType.CENTRAL_HOUSEHOLD) {
            throw new BusinessRuleViolation("invalid-parent-type",
                    "a central household cannot have units below it", type.label());
        }
        String childId = UUID.randomUUID().toString();
        return new OrgUnit(childId, Objects.requireNonNull(childType), validName(childName), id,
                path + childId + "/", now);
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-unit-name", "a unit name has 1 to 100 characters");
        }
        return name.strip();
    }

    public String id() {
        return id;
    }

    public OrgUnitType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
