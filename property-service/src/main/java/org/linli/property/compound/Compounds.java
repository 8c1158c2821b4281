package org.linli.property.compound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.platform.mongo.IndexedCriteria;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.linli.property.PropertySettings;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The compounds as the other features of property-service see them, with the scope rules: an admin sees
 * the compounds under its org unit, a company's staff the compounds their company serves today.
 */
@Component
public class Compounds {

    private final CompoundRepository compounds;
    private final MongoOperations mongo;
    private final PropertySettings settings;
    private final Clock clock;

    Compounds(CompoundRepository compounds, MongoOperations mongo, PropertySettings settings, Clock clock) {
        this.compounds = compounds;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The compound, or 404. */
    public Compound require(String id) {
        return compounds.findById(id).orElseThrow(() -> new NotFoundException("compound", id));
    }

    /** The compound when the caller may see it (403 otherwise, 404 when unknown). */
    public Compound visible(Caller caller, String id) {
        Compound compound = require(id);
        if (!sees(caller, compound)) {
            throw new AccessDeniedException("compound " + id + " is outside the caller's scope");
        }
        return compound;
    }

    /** The compound when the caller is an admin or department account whose org scope covers it (403 otherwise). */
    public Compound administered(Caller caller, String id) {
        Compound compound = require(id);
        if (caller.hasRole(Roles.PROPERTY_STAFF) || !caller.covers(compound.communityPath())) {
            throw new AccessDeniedException("compound " + id + " is outside the caller's administration");
        }
        return compound;
    }

    /**
     * The compound when the caller may sanction its company (403 otherwise): county admins; street admins covering
     * it; and, by the compound's class, DEPARTMENT_STAFF covering a COMMERCIAL one (the housing department), the
     * employer's party organisation for a WORK_UNIT one (DEPARTMENT_STAFF of the named unit, wherever it sits), no
     * department for an OLD_OR_UNMANAGED one (the township or street answers).
     */
    public Compound sanctionable(Caller caller, String id) {
        Compound compound = require(id);
        boolean covers = caller.covers(compound.communityPath());
        boolean admin = caller.hasRole(Roles.COUNTY_ADMIN) && covers || caller.hasRole(Roles.STREET_ADMIN) && covers;
        boolean department = caller.hasRole(Roles.DEPARTMENT_STAFF) && switch (compound.compoundClass()) {
            case COMMERCIAL -> covers;
            case WORK_UNIT -> compound.responsibleUnitId() != null
                    && compound.responsibleUnitId().equals(caller.orgUnitId());
            case OLD_OR_UNMANAGED -> false;
        };
        if (!admin && !department) {
            throw new AccessDeniedException("compound " + id + " is not the caller's to sanction ("
                    + compound.compoundClass().responsibleBody() + " answers for it)");
        }
        return compound;
    }

    public boolean sees(Caller caller, Compound compound) {
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            return compound.contractOn(settings.today(clock))
                    .map(contract -> caller.worksFor(contract.companyId())).orElse(false);
        }
        return caller.covers(compound.communityPath());
    }

    /**
     * The compounds the caller's company serves today (PROPERTY_STAFF; none for other accounts): those it ever
     * served, through the index on {@code contracts.companyId}, with a contract in force today.
     */
    public List<Compound> servedToday(Caller caller) {
        if (!caller.hasRole(Roles.PROPERTY_STAFF) || caller.companyId() == null) {
            return List.of();
        }
        return compounds.findEverServedBy(caller.companyId()).stream().filter(compound -> sees(caller, compound)).toList();
    }

    /** Every compound whose community lies under {@code path} ({@code null}: the whole county). */
    public List<Compound> under(String path) {
        Query query = path == null ? new Query() : Query.query(Criteria.where("communityPath").regex("^" + Pattern.quote(path)));
        return mongo.find(query, Compound.class);
    }

    /** Every compound with at least one eviction on record (through the sparse index on {@code evictions.sanctionId}). */
    public List<Compound> withEvictions() {
        return mongo.find(Query.query(IndexedCriteria.hasAnyString("evictions.sanctionId")), Compound.class);
    }

    /** The company serving a compound on a day, if any. */
    public static String companyOn(Compound compound, LocalDate day) {
        return compound.contractOn(day).map(Contract::companyId).orElse(null);
    }

    public Compound save(Compound compound) {
        return compounds.save(compound);
    }
}
