package org.linli.org.unit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Stores the shipped hierarchy templates at start-up, leaving any template already stored as it is. */
@Component
class ShippedTemplates implements ApplicationRunner {

    private final HierarchyTemplateRepository templates;

    ShippedTemplates(HierarchyTemplateRepository templates) {
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (HierarchyTemplate template : HierarchyTemplate.shipped()) {
            if (!templates.existsById(template.id())) {
                templates.save(template);
            }
        }
    }
}
