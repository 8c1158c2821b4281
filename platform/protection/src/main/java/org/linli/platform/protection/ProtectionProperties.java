package org.linli.platform.protection;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of protected fields ({@code linli.protection.*}).
 *
 * @param algorithm    {@code AES} (AES-256-GCM, HMAC-SHA-256) or {@code SM4} (SM4-GCM, HMAC-SM3 for a new key file)
 * @param dataDir      where the key file lives; default {@code LINLI_DATA_DIR}, else {@code .linli/data/<application name>}
 * @param passPageSize documents read per page by the startup re-encryption pass
 */
@ConfigurationProperties("linli.protection")
public record ProtectionProperties(@DefaultValue("AES") Algorithm algorithm, Path dataDir,
                                   @DefaultValue("1000") int passPageSize) {
}
