package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RolesTest {

    private static final Pattern SET = Pattern.compile("has(?:Any)?Role\\(((?:'[A-Z_]+',?)+)\\)");

    @Test
    void everySetNamesOnlyDeclaredRoles() {
        Set<String> names = constants().values().stream().filter(value -> !value.contains("'"))
                .collect(Collectors.toSet());
        sets().forEach((field, roles) -> assertThat(roles).as(field).isNotEmpty().isSubsetOf(names));
    }

    @Test
    void theSetsHoldTheRolesTheirNamesPromise() {
        Map<String, Set<String>> sets = sets();
        assertThat(sets.get("ADMINS")).containsExactlyInAnyOrder("COMMUNITY_ADMIN", "STREET_ADMIN", "COUNTY_ADMIN");
        assertThat(sets.get("STAFF")).containsExactlyInAnyOrder("COMMUNITY_ADMIN", "STREET_ADMIN", "COUNTY_ADMIN",
                "GRID_WORKER");
        assertThat(sets.get("COMMUNITY_PEOPLE")).containsExactlyInAnyOrder("COMMUNITY_ADMIN", "STREET_ADMIN",
                "COUNTY_ADMIN", "GRID_WORKER", "PARTY_MEMBER", "RESIDENT");
        assertThat(sets.get("STREET_AND_COUNTY_ADMINS")).containsExactlyInAnyOrder("STREET_ADMIN", "COUNTY_ADMIN");
        assertThat(sets.get("WORKING_ROLES")).doesNotContain("RESIDENT", "SYSTEM_ADMIN", "SECURITY_ADMIN",
                "AUDIT_ADMIN");
    }

    private static Map<String, Set<String>> sets() {
        return constants().entrySet().stream().filter(entry -> entry.getValue().startsWith("has"))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> rolesIn(entry.getValue())));
    }

    private static Set<String> rolesIn(String expression) {
        Matcher matcher = SET.matcher(expression);
        assertThat(matcher.matches()).as(expression).isTrue();
        return Arrays.stream(matcher.group(1).split(",")).map(role -> role.replace("'", ""))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> constants() {
        return Arrays.stream(Roles.class.getFields()).filter(field -> Modifier.isStatic(field.getModifiers()))
                .filter(field -> !field.getName().equals("ADMIN_LIST"))
                .collect(Collectors.toMap(Field::getName, RolesTest::value, (a, b) -> a, TreeMap::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
