package org.linli.org.company;

import org.linli.org.unit.ScopePath;
import java.time.Instant;
import org.linli.events.org.PropertyCompanyPartyStatusChanged;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.OrgUnitType;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A property company's party-organisation status (物业企业党组织覆盖), registered under the community
 * or street that looks after it. The company itself belongs to property-service; this is the
 * organisation's side of it, published so property-service can show it.
 */
@Document("property_company_party_status")
public class PropertyCompanyPartyStatus extends AggregateRoot {

    @Id
    private String companyId;
    private String companyName;
    private PartyCoverageMode mode;
    private String branchUnitId;
    private String instructorName;
    private String unitId;
    @ScopePath
    @Indexed
    private String unitPath;
    private Instant updatedAt;

    protected PropertyCompanyPartyStatus() {
        // for the mapping layer
    }

    PropertyCompanyPartyStatus(String companyId, UnitView registeredUnder) {
        this.companyId = companyId;
        this.unitId = registeredUnder.id();
        this.unitPath = registeredUnder.path();
        this.mode = PartyCoverageMode.NONE;
    }

    /**
     * Records the coverage: a branch mode needs an active property-company branch of the same
     * region, an instructor needs a name.
     */
    void cover(String name, PartyCoverageMode newMode, UnitView branch, String instructor, Instant now) {
        if (newMode.needsBranch()) {
            if (branch == null || branch.type() != OrgUnitType.PROPERTY_COMPANY_BRANCH || !branch.active()
                    || !regionOf(branch.path()).equals(regionOf(unitPath))) {
                throw new BusinessRuleViolation("branch-required", "this mode needs an active property-company branch",
                        newMode.label());
            }
        }
        if (newMode == PartyCoverageMode.INSTRUCTOR && (instructor == null || instructor.isBlank())) {
            throw new BusinessRuleViolation("instructor-required", "an instructor needs a name");
        }
        companyName = name;
        mode = newMode;
        branchUnitId = newMode.needsBranch() ? branch.id() : null;
        instructorName = newMode == PartyCoverageMode.INSTRUCTOR ? instructor.strip() : null;
        updatedAt = now;
        recordEvent(companyId, new PropertyCompanyPartyStatusChanged(companyId, companyName, mode.name(), branchUnitId,
                unitId), now);
    }

    /** The path of the region's top unit: {@code /root/} of {@code /root/a/b/}. */
    private static String regionOf(String path) {
        return path.substring(0, path.indexOf('/', 1) + 1);
    }

    public String companyId() {
        return companyId;
    }

    public String companyName() {
        return companyName;
    }

    public PartyCoverageMode mode() {
        return mode;
    }

    public String branchUnitId() {
        return branchUnitId;
    }

    public String instructorName() {
        return instructorName;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
