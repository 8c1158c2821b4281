package org.linli.platform.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The audit trail of a Linli servlet service (docs/audit-trail.md): {@link AuditFilter} records writes outside
 * Spring Security's chain (order {@code HIGHEST_PRECEDENCE + 1}, right after the request id), {@link ActorCapture}
 * notes the authenticated actor inside it, {@link UnmaskedReadsAdvice} records reads of unmasked personal data,
 * {@link AuditTrailController} serves the trail, {@link AuditPurge} applies the retention. The records live in
 * the service's own database. Requires {@code linli.audit.service}.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.linli.platform.web.WebAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    /** Spring Security's filter chain proxy runs at -100 ({@code spring.security.filter.order}). */
    static final int INSIDE_SECURITY = -99;

    @Bean
    AuditChain auditChain(MongoDatabaseFactory mongo) {
        return new AuditChain(mongo.getMongoDatabase()).declareIndexes();
    }

    @Bean
    AuditRecorder auditRecorder(AuditChain chain, AuditProperties properties, Clock clock,
                                ObjectProvider<MeterRegistry> meters) {
        return new AuditRecorder(chain, properties.service(), clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditRecorder recorder) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(recorder));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActorCapture> auditActorCapture() {
        FilterRegistrationBean<ActorCapture> registration = new FilterRegistrationBean<>(new ActorCapture());
        registration.setOrder(INSIDE_SECURITY);
        return registration;
    }

    @Bean
    UnmaskedReadsAdvice unmaskedReadsAdvice(AuditRecorder recorder) {
        return new UnmaskedReadsAdvice(recorder);
    }

    @Bean
    AuditTrailController auditTrailController(AuditChain chain, AuditRecorder recorder, AuditProperties properties) {
        return new AuditTrailController(chain, recorder, properties.service());
    }

    @Bean
    AuditOperationIds auditOperationIds(AuditProperties properties) {
        return new AuditOperationIds(properties.service());
    }

    @Bean
    AuditPurge auditPurge(AuditChain chain, Clock clock, AuditProperties properties) {
        return new AuditPurge(chain, clock, properties.retention(), properties.purgeInterval());
    }
}
