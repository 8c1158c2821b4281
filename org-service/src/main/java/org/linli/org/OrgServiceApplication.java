package org.linli.org;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** org-service: the party organisation, its members and committees, and the accounts that sign in to Linli. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgServiceApplication.class, args);
    }
}
