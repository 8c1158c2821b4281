package org.linli.gateway;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every service's load balancer rotates its instances as {@link InstanceRotation} lists them. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceRotation.class)
class BalancingConfiguration {
}
