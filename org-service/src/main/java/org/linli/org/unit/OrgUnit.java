package org.linli.org.unit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitLinksChanged;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of the party organisation (街道党工委, 社区党委, 网格党支部, …). Its {@code path} lists the
 * ids from the root down to itself ({@code /a/b/c/}), so a subtree is one indexed prefix query and a
 * unit's ancestors are read off the path. Which types may nest is decided by its region's
 * {@link HierarchyTemplate}.
 */
@Document("org_units")
// active units of one type in a subtree (the coverage dashboard), county-wide by type alone
@CompoundIndex(name = "type_path", def = "{'type': 1, 'path': 1}")
public class OrgUnit extends AggregateRoot {

    static final int MAX_NAME_LENGTH = 100;

    /** 在册 / 撤销 */
    public enum Status { ACTIVE, INACTIVE }

    @Id
    private String id;
    private OrgUnitType type;
    private String name;
    @Indexed // children of a unit: the list by parent, the active-children check, root names
    private String parentId;
    @Indexed
    private String path;
    private String templateId;
    private Status status;
    private UnitLinks links;
    private String rebaseFrom;
    private Instant createdAt;
    private Instant updatedAt;

    protected OrgUnit() {
        // for the mapping layer
    }

    private OrgUnit(String id, OrgUnitType type, String name, String parentId, String path, String templateId,
                    Instant now) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.parentId = parentId;
        this.path = path;
        this.templateId = templateId;
        this.status = Status.ACTIVE;
        this.links = UnitLinks.NONE;
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new OrgUnitCreated(id, type.name(), name, parentId, path, templateId), now);
    }

    /** The top unit of a region (a street, a township, a community in a four-level county, a park). */
    public static OrgUnit root(HierarchyTemplate template, OrgUnitType type, String name, Instant now) {
        template.checkRoot(Objects.requireNonNull(type));
        String id = NewIds.next();
        return new OrgUnit(id, type, validName(name), null, "/" + id + "/", template.id(), now);
    }

    /** A unit under this one, of a type the region's template allows here. */
    public OrgUnit createChild(HierarchyTemplate template, OrgUnitType childType, String childName, Instant now) {
        requireActive();
        template.checkChild(type, Objects.requireNonNull(childType));
        String childId = NewIds.next();
        return new OrgUnit(childId, childType, validName(childName), id, path + childId + "/", templateId, now);
    }

    public void rename(String newName, Instant now) {
        requireActive();
        String valid = validName(newName);
        if (!valid.equals(name)) {
            name = valid;
            updatedAt = now;
            recordEvent(id, new OrgUnitRenamed(id, name, path), now);
        }
    }

    /**
     * Moves this unit (and so its subtree) under another parent of the same region. The descendants'
     * paths are rewritten afterwards from {@link #rebaseFrom()}, which stays set until that is done.
     */
    public void moveUnder(OrgUnit newParent, HierarchyTemplate template, Instant now) {
        requireActive();
        newParent.requireActive();
        if (newParent.path.startsWith(path)) {
            throw new BusinessRuleViolation("move-into-own-subtree", "a unit cannot move under itself or its descendants");
        }
        if (!Objects.equals(newParent.templateId, templateId)) {
            throw new BusinessRuleViolation("move-across-regions", "a unit moves only within its region's structure");
        }
        template.checkChild(newParent.type, type);
        String oldPath = path;
        String oldParent = parentId;
        parentId = newParent.id;
        path = newParent.path + id + "/";
        rebaseFrom = oldPath;
        updatedAt = now;
        recordEvent(id, new OrgUnitMoved(id, oldParent, parentId, oldPath, path), now);
    }

    void rebaseDone() {
        rebaseFrom = null;
    }

    /** Deactivates a unit that has no active children and no members left. */
    public void deactivate(long activeChildren, long members, Instant now) {
        requireActive();
        if (activeChildren > 0 || members > 0) {
            throw new BusinessRuleViolation("unit-not-empty",
                    "a unit with active children or members cannot be deactivated", activeChildren, members);
        }
        status = Status.INACTIVE;
        updatedAt = now;
        recordEvent(id, new OrgUnitDeactivated(id, path), now);
    }

    /** Sets the grids, compounds and property companies this unit serves (ids of other services). */
    public void link(UnitLinks newLinks, Instant now) {
        requireActive();
        links = Objects.requireNonNull(newLinks);
        updatedAt = now;
        recordEvent(id, new OrgUnitLinksChanged(id, path, List.copyOf(links.gridIds()),
                List.copyOf(links.compoundIds()), List.copyOf(links.propertyCompanyIds())), now);
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new BusinessRuleViolation("unit-inactive", "the unit is deactivated", name);
        }
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

    public String templateId() {
        return templateId;
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public UnitLinks links() {
        return links == null ? UnitLinks.NONE : links;
    }

    String rebaseFrom() {
        return rebaseFrom;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Depth in the tree: 1 for a top unit. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
