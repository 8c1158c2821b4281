package org.linli.platform.protection;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * The two Spring Data converters behind {@link SensitiveText}, registered in {@code MongoCustomConversions}
 * by {@link ProtectionAutoConfiguration}: writing seals the value into a string, reading opens it (a plain
 * string stored before protection is read as it is).
 */
final class SensitiveTextConverters {

    private SensitiveTextConverters() {
    }

    static List<Converter<?, ?>> of(FieldCipher cipher) {
        return List.of(new Sealing(cipher), new Opening(cipher));
    }

    @WritingConverter
    record Sealing(FieldCipher cipher) implements Converter<SensitiveText, String> {
        @Override
        public String convert(SensitiveText text) {
            return cipher.seal(text.value());
        }
    }

    @ReadingConverter
    record Opening(FieldCipher cipher) implements Converter<String, SensitiveText> {
        @Override
        public SensitiveText convert(String stored) {
            return SensitiveText.of(cipher.open(stored));
        }
    }
}
