package org.linli.gateway;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A service's instances, as Spring Cloud LoadBalancer's {@code health-check} configuration lists them (the
 * discovery's instances, each checked at {@code spring.cloud.loadbalancer.health-check.path} every
 * {@code interval}), but never none while some are configured ({@link AllInstancesWhenNoneReady}).
 *
 * <p>Not a component: {@link BalancingConfiguration} names it as the configuration of each service's load balancer
 * context, where the service's id is known.
 */
class InstanceRotation {

    @Bean
    ServiceInstanceListSupplier readyOrElseAllInstances(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier configured = ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .build(context);
        return ServiceInstanceListSupplier.builder().withBase(configured).withHealthChecks()
                .with((ignored, ready) -> new AllInstancesWhenNoneReady(ready, configured)).build(context);
    }
}
