package org.linli.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class ProtectionAutoConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void withSm4TheKeyFileHoldsAnSm4KeyAndAnSm3HashAndTheConvertersSealWithIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProtectionAutoConfiguration.class))
                .withPropertyValues("linli.protection.algorithm=SM4", "linli.protection.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(Files.readString(dataDir.resolve(FieldKeys.FILE_NAME)))
                            .containsPattern("(?m)^hash 1 HMAC-SM3 ").containsPattern("(?m)^enc 1 SM4 ");
                    DefaultConversionService conversions = new DefaultConversionService();
                    context.getBean(MongoCustomConversions.class).registerConvertersIn(conversions);
                    String stored = conversions.convert(SensitiveText.of("13912345678"), String.class);
                    assertThat(stored).startsWith("enc:1:");
                    assertThat(conversions.convert(stored, SensitiveText.class).value()).isEqualTo("13912345678");
                    assertThat(conversions.convert("13912345678", SensitiveText.class).value())
                            .as("a plain value stored before protection").isEqualTo("13912345678");
                });
    }

    @Test
    void thePassFindsEverySensitiveFieldAndTheCallbackFillsItsHash() {
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setInitialEntitySet(Set.of(Resident.class));
        mapping.afterPropertiesSet();
        KeyedHash hash = new KeyedHash(FieldKeys.loadOrCreate(dataDir, Algorithm.AES));

        assertThat(new ProtectedFieldsPass(null, mapping, null, hash, 10).protectedCollections())
                .isEqualTo(Map.of("residents", new ProtectedFieldsPass.Fields(List.of("idNumber", "phone"),
                        Map.of("idNumberHash", "idNumber"))));

        Resident resident = new Resident(SensitiveText.of("11010519491231002X"), SensitiveText.of("13912345678"));
        ObjectProvider<MongoMappingContext> provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("mapping", mapping)).getBeanProvider(MongoMappingContext.class);
        new KeyedHashCallback(provider, hash).onBeforeConvert(resident, "residents");
        assertThat(resident.idNumberHash).isEqualTo(hash.of("11010519491231002X"));
    }

    @Test
    void aSensitiveValueNeverShowsInToString() {
        assertThat(SensitiveText.of("13912345678")).hasToString("[protected]");
        assertThat(SensitiveText.of(null)).isNull();
    }

    @Document("residents")
    static class Resident {
        private SensitiveText idNumber;
        @KeyedHashOf("idNumber")
        private String idNumberHash;
        private SensitiveText phone;
        private String name = "王建国";

        Resident(SensitiveText idNumber, SensitiveText phone) {
            this.idNumber = idNumber;
            this.phone = phone;
        }
    }
}
