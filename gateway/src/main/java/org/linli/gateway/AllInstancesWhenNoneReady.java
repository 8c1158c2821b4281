package org.linli.gateway;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances whose readiness answered at the last health check, or every configured instance when none did:
 * what Envoy calls panic mode.
 *
 * <p>Why: the health check drops an instance that does not answer within its 2 s interval. With one instance per
 * service ({@code ./linli up}), a single late answer (a GC pause, two cores busy with a restarting neighbour) left
 * the service with no instance, and every request got the 503 fallback until the next check (CI, session 21: the
 * admin's sign-in right after the fault suite's consumer scenario). Sending requests to instances that may be down
 * costs nothing more than that: a refused connection is answered 503 all the same, without opening the breaker.
 */
final class AllInstancesWhenNoneReady extends DelegatingServiceInstanceListSupplier {

    private final ServiceInstanceListSupplier configured;

    /**
     * @param ready the health-checked instances
     * @param configured every instance the discovery lists, checked or not
     */
    AllInstancesWhenNoneReady(ServiceInstanceListSupplier ready, ServiceInstanceListSupplier configured) {
        super(ready);
        this.configured = configured;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().switchMap(ready -> ready.isEmpty() ? configured.get().take(1) : Flux.just(ready));
    }
}
