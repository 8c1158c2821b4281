package org.linli.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The ops deployment names every part of Linli, health-checks it and starts it in dependency order. */
class DockerComposeFileTest {

    private static final List<String> APPLICATIONS = List.of("org-service", "grid-service", "property-service",
            "issue-service", "points-service", "gateway");
    private static final List<String> INFRASTRUCTURE = List.of("mongo", "kafka", "redis");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(options).load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void namesEveryServiceTheGatewayAndTheInfrastructure() throws Exception {
        assertThat(services().keySet()).containsAll(APPLICATIONS).containsAll(INFRASTRUCTURE);
    }

    @Test
    void everyContainerHasAHealthCheckAndAMemoryLimit() throws Exception {
        services().forEach((name, service) -> {
            assertThat(service).as(name).containsKeys("healthcheck", "mem_limit");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApplicationIsBuiltFromItsModuleAndWaitsForHealthyDependencies() throws Exception {
        for (String name : APPLICATIONS) {
            Map<String, Object> service = services().get(name);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(((Map<String, Object>) build.get("args")).get("SERVICE")).as(name).isEqualTo(name);
            assertThat(Path.of("..", name, "pom.xml")).as(name).exists();
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn).as(name).isNotEmpty();
            dependsOn.values().forEach(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayWaitsForAllFiveServicesAndPublishesPort8080() throws Exception {
        Map<String, Object> gateway = services().get("gateway");
        assertThat(((Map<String, Object>) gateway.get("depends_on")).keySet())
                .containsAll(APPLICATIONS.subList(0, 5));
        assertThat((List<String>) gateway.get("ports")).contains("8080:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceRunsTwiceOnOneVolumeAndTheGatewayBalancesBetweenBothInstances() throws Exception {
        Map<String, Map<String, Object>> services = services();
        String instances = (String) ((Map<String, Object>) services.get("gateway").get("environment"))
                .get("SPRING_APPLICATION_JSON");
        for (String name : APPLICATIONS.subList(0, 5)) {
            Map<String, Object> second = services.get(name + "-2");
            assertThat(second).as(name + "-2").isNotNull();
            assertThat(second.get("image")).as(name + "-2").isEqualTo(services.get(name).get("image"));
            assertThat(second.get("volumes")).as(name + "-2 shares the keys").isEqualTo(services.get(name).get("volumes"));
            assertThat((Map<String, Object>) second.get("depends_on")).as(name + "-2 after the first made its keys")
                    .containsEntry(name, Map.of("condition", "service_healthy"));
            String port = ((List<String>) ((Map<String, Object>) services.get(name).get("healthcheck")).get("test"))
                    .get(3).replaceAll(".*localhost:(\\d+).*", "$1");
            assertThat(instances).as(name).contains("http://" + name + ":" + port, "http://" + name + "-2:" + port);
        }
    }
}
