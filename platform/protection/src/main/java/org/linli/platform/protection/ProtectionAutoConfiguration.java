package org.linli.platform.protection;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Protected fields for every Linli service: the key file in the data folder ({@link FieldKeys}), the
 * {@link FieldCipher} and {@link KeyedHash}, the {@link SensitiveText} converters in
 * {@code MongoCustomConversions}, and the startup pass that re-encrypts ({@link ProtectedFieldsPass}).
 * See docs/protection.md.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(ProtectionProperties.class)
public class ProtectionAutoConfiguration {

    @Bean
    FieldKeys linliFieldKeys(ProtectionProperties properties, Environment environment) {
        Path dataDir = properties.dataDir() != null ? properties.dataDir()
                : Path.of(environment.getProperty("LINLI_DATA_DIR",
                        ".linli/data/" + environment.getProperty("spring.application.name", "service")));
        return FieldKeys.loadOrCreate(dataDir, properties.algorithm());
    }

    @Bean
    FieldCipher fieldCipher(FieldKeys keys) {
        return new FieldCipher(keys);
    }

    @Bean
    KeyedHash keyedHash(FieldKeys keys) {
        return new KeyedHash(keys);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    static class Mongo {

        /** Boot's own conversions plus the {@link SensitiveText} pair (Boot backs off when this bean exists). */
        @Bean
        @ConditionalOnMissingBean
        MongoCustomConversions mongoCustomConversions(FieldCipher cipher) {
            return MongoCustomConversions.create(conversions -> conversions
                    .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.UNSPECIFIED) // Boot's default
                    .registerConverters(SensitiveTextConverters.of(cipher)));
        }

        /** Fills {@link KeyedHashOf} fields on every save. */
        @Bean
        KeyedHashCallback linliKeyedHashCallback(ObjectProvider<MongoMappingContext> mapping, KeyedHash hash) {
            return new KeyedHashCallback(mapping, hash);
        }

        /**
         * The re-encryption pass, once the context is up, on its own thread: on a large store it takes minutes
         * (every protected document rewritten after an upgrade or a key rotation), and until it is done a plain or
         * old-key value still reads (the converter opens both) and every save seals with the newest key.
         */
        @Bean
        ApplicationRunner linliProtectedFieldsPass(ObjectProvider<MongoOperations> mongo,
                                                   ObjectProvider<MongoMappingContext> mapping, FieldCipher cipher,
                                                   KeyedHash hash, ProtectionProperties properties) {
            return arguments -> {
                MongoOperations operations = mongo.getIfAvailable();
                MongoMappingContext context = mapping.getIfAvailable();
                if (operations != null && context != null) {
                    ProtectedFieldsPass pass = new ProtectedFieldsPass(operations, context, cipher, hash,
                            properties.passPageSize());
                    Thread thread = new Thread(pass::runLogged, "protected-fields-pass");
                    thread.setDaemon(true);
                    thread.start();
                }
            };
        }
    }
}
