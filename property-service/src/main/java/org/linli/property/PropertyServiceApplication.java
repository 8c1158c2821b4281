package org.linli.property;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** property-service: compounds, property companies, contracts, evaluations, rankings, sanctions, focus list. */
@SpringBootApplication
@EnableConfigurationProperties(PropertySettings.class)
public class PropertyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PropertyServiceApplication.class, args);
    }
}
