package org.linli.grid.worker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grid workers' settings: the stipend tiers and emergency subsidy ({@code linli.grid.stipends.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StipendSettings.class)
class WorkerConfiguration {

    @Bean
    Stipends stipends(StipendSettings settings) {
        return new Stipends(settings);
    }
}
