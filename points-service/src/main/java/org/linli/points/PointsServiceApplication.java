package org.linli.points;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** points-service: volunteer activities, the points ledger, the rewards catalogue and redemptions, honour lists. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PointsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsServiceApplication.class, args);
    }
}
