package org.linli.e2e;

import java.util.Arrays;
import java.util.List;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.demo.CountySize;
import org.linli.e2e.demo.DemoCountyLoader;

/**
 * The e2e jar's commands (the gateway from {@code -Dlinli.gateway} or {@code LINLI_GATEWAY}):
 * <pre>
 *   demo [--size small|county]     load the demo county (password of its accounts: LINLI_DEMO_PASSWORD)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        Gateway gateway = Gateway.fromEnvironment();
        switch (command) {
            case "demo" -> new DemoCountyLoader(gateway, System.out).load(CountySize.named(option(arguments, "--size", "small")),
                    required("LINLI_DEMO_PASSWORD"));
            default -> {
                System.err.println("usage: demo [--size small|county]");
                System.exit(2);
            }
        }
    }

    static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.length() < 8) {
            System.err.println(variable + " must hold the demo accounts' password (8 characters or more)");
            System.exit(2);
        }
        return value;
    }
}
