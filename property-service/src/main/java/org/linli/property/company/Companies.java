package org.linli.property.company;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;

/** The property companies as the other features of property-service see them. */
@Component
public class Companies {

    private final CompanyRepository companies;

    Companies(CompanyRepository companies) {
        this.companies = companies;
    }

    public Optional<PropertyCompany> find(String id) {
        return companies.findById(id);
    }

    /** The company, or 404 {@code company}. */
    public PropertyCompany require(String id) {
        return companies.findById(id).orElseThrow(() -> new NotFoundException("company", id));
    }

    /** Companies by id, for display (unknown ids are left out). */
    public Map<String, PropertyCompany> byId(Collection<String> ids) {
        Map<String, PropertyCompany> found = new HashMap<>();
        companies.findAllById(ids).forEach(company -> found.put(company.id(), company));
        return found;
    }

    public boolean exists(String id) {
        return companies.existsById(id);
    }

    /** Stores new companies in one go (the demo). */
    public List<PropertyCompany> registerAll(List<PropertyCompany> registered) {
        return companies.insert(registered);
    }
}
