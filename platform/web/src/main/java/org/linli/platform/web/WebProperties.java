package org.linli.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web conventions of a service ({@code linli.web.*}).
 *
 * @param maxBodySize largest non-multipart request body accepted
 * @param publicPaths ant patterns reachable without a token, beyond health, metrics and API docs
 */
@ConfigurationProperties("linli.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> publicPaths) {
}
