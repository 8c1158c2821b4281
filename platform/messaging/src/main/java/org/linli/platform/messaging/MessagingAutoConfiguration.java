package org.linli.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.linli.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Wires the outbox relay (when the service publishes: {@code linli.messaging.topic}), the
 * processed-event log for idempotent consumers and its purge, the filter that hands a replayed dead
 * letter only to the consumer group it is meant for, and the consumers' error handling in three classes:
 * <ul>
 *   <li>an invalid or undecodable event ({@link InvalidEventException}) goes to {@code <topic>.DLT} at once;</li>
 *   <li>a transient failure (store or broker unreachable, timeouts: {@link FailureKinds}) is retried with an
 *       exponential pause ({@code transientBackoff} doubling up to {@code transientMaxBackoff}) and never
 *       dead-lettered: the record waits for the infrastructure;</li>
 *   <li>anything else is retried {@code attempts} times, then goes to {@code <topic>.DLT}.</li>
 * </ul>
 * Dead letters carry Spring Kafka's headers, among them the consumer group that failed
 * ({@code kafka_dlt-original-consumer-group}), which the replay command reads.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    /** The platform's bookkeeping writes go unjournaled ({@link Bookkeeping}). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor linliUnjournaledBookkeeping() {
        return Bookkeeping.unjournaledTemplates();
    }

    @Bean
    ProcessedEvents processedEvents(MongoOperations mongo, MessagingProperties properties,
                                    @Value("${spring.application.name:application}") String applicationName) {
        String consumer = properties.consumer() != null ? properties.consumer() : applicationName;
        return new ProcessedEvents(mongo, consumer);
    }

    @Bean
    @ConditionalOnProperty("linli.messaging.topic")
    OutboxRelay outboxRelay(MongoOperations mongo, KafkaTemplate<String, String> kafka,
                            MessagingProperties properties, MongoMappingContext mappingContext,
                            ObjectProvider<MeterRegistry> meters) {
        List<String> collections = mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
        return new OutboxRelay(mongo, kafka, properties.topic(), collections, properties.outbox(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxKicker outboxKicker(OutboxRelay relay, MongoOperations mongo) {
        return new OutboxKicker(relay, mongo);
    }

    @Bean
    ProcessedEventsPurge processedEventsPurge(ProcessedEvents processed, MessagingProperties properties) {
        return new ProcessedEventsPurge(processed, properties.processed());
    }

    /** A replayed dead letter ({@code linli-replay-for: <group>}) is skipped by every other consumer group. */
    @Bean
    RecordInterceptor<Object, Object> linliReplayFilter() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                            Consumer<Object, Object> consumer) {
                String group = consumer.groupMetadata().groupId();
                if (ProcessedEvents.isReplayForAnotherGroup(record.headers(), group)) {
                    log.debug("{}: skipping {}-{}@{}, a dead letter replayed for another group", group,
                            record.topic(), record.partition(), record.offset());
                    return null;
                }
                return record;
            }
        };
    }

    @Bean
    @ConditionalOnProperty("linli.messaging.topic")
    NewTopic ownTopic(MessagingProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(3).build();
    }

    @Bean
    @ConditionalOnProperty("linli.messaging.topic")
    NewTopic ownDeadLetterTopic(MessagingProperties properties) {
        return TopicBuilder.name(Topics.deadLetterOf(properties.topic())).partitions(1).build();
    }

    /** Store operations (and the store's health check) give up after a short wait when no store answers. */
    @Bean
    MongoClientSettingsBuilderCustomizer linliStoreSelectionTimeout(MessagingProperties properties) {
        long millis = properties.readiness().storeSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(cluster ->
                cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }

    /**
     * Counts without a filter (a list's total when nothing narrows it) read the collection's metadata
     * ({@code estimatedDocumentCount}) instead of counting every document: on MongoDB {@code countDocuments({})}
     * is a collection scan. Counts with a filter are unchanged.
     */
    @Bean
    static BeanPostProcessor linliEstimatedCounts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoTemplate template) {
                    template.useEstimatedCount(true);
                }
                return bean;
            }
        };
    }

    /** The broker's health ({@code kafka}), in the readiness group with the store's ({@code mongo}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class BrokerHealth {

        @Bean
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
            MessagingProperties.Readiness readiness = properties.readiness();
            return new KafkaHealthIndicator(Admin.create(kafkaAdmin.getConfigurationProperties()),
                    readiness.brokerTimeout(), readiness.brokerCacheFor(), Clock.systemUTC());
        }
    }

    @Bean
    CommonErrorHandler linliKafkaErrorHandler(KafkaTemplate<Object, Object> kafka, MessagingProperties properties) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        MessagingProperties.Retry retry = properties.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters,
                new FixedBackOff(retry.backoff().toMillis(), retry.attempts()));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, failure) -> FailureKinds.isTransient(failure) ? transientBackOff(retry) : null);
        return handler;
    }

    /** Doubles from {@code transientBackoff} up to {@code transientMaxBackoff}, without end. */
    static BackOff transientBackOff(MessagingProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.transientBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.transientMaxBackoff().toMillis());
        return backOff;
    }
}
