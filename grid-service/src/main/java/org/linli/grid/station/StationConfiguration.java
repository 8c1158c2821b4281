package org.linli.grid.station;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Service stations' settings ({@code linli.grid.stations.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StationSettings.class)
class StationConfiguration {
}
