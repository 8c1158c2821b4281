package org.linli.property.company;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.linli.platform.web.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Registers and grades property companies; a company's own staff see only their company. */
@Service
class CompanyService {

    private final CompanyRepository companies;
    private final Clock clock;

    CompanyService(CompanyRepository companies, Clock clock) {
        this.companies = companies;
        this.clock = clock;
    }

    PropertyCompany register(String name, String creditCode, boolean stateOwned, boolean fallbackQualified) {
        return companies.insert(PropertyCompany.register(name, CreditCode.parse(creditCode), stateOwned,
                fallbackQualified, clock.instant()));
    }

    PropertyCompany grade(String id, Integer stars, Boolean fallbackQualified, long version) {
        PropertyCompany company = companies.findById(id).orElseThrow(() -> new NotFoundException("company", id));
        if (company.version() == null || company.version() != version) {
            throw new OptimisticLockingFailureException("company " + id + " is at version " + company.version());
        }
        if (stars != null) {
            company.grade(stars, clock.instant());
        }
        if (fallbackQualified != null) {
            company.qualifyForFallback(fallbackQualified, clock.instant());
        }
        return companies.save(company);
    }

    PropertyCompany get(Caller caller, String id) {
        PropertyCompany company = companies.findById(id).orElseThrow(() -> new NotFoundException("company", id));
        if (caller.hasRole(Roles.PROPERTY_STAFF) && !caller.worksFor(id)) {
            throw new AccessDeniedException("property staff see only their own company");
        }
        return company;
    }

    Optional<PropertyCompany> byCreditCode(String creditCode) {
        return companies.findByCreditCode(CreditCode.parse(creditCode).value());
    }

    Page<PropertyCompany> list(Caller caller, Pageable pageable) {
        if (caller.hasRole(Roles.PROPERTY_STAFF)) {
            return new PageImpl<>(caller.companyId() == null ? List.of()
                    : companies.findById(caller.companyId()).stream().toList(), pageable, caller.companyId() == null ? 0 : 1);
        }
        return companies.findAll(pageable);
    }
}
