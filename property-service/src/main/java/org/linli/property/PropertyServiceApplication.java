package org.linli.property;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** property-service: compounds, property companies, contracts, evaluations, rankings, sanctions, focus list. */
@SpringBootApplication
public class PropertyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PropertyServiceApplication.class, args);
    }
}
