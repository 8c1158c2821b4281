package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The separated administrator duties (三员分立) and the password rules, through org-service's HTTP API: the bootstrap
 * admin hands over to a system, a security and an audit administrator, none of whom can do another's work, and is
 * then disabled. The handover runs last: afterwards {@code admin} no longer signs in. Its own data folder, since it
 * rotates the signing key (a second rotation within a token lifetime is refused, and other runs would find it).
 */
@SpringBootTest(properties = "linli.identity.data-dir=target/test-data/administrator-duties/${random.uuid}")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministratorDutiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void anInitialPasswordGetsNoTokenUntilItsHolderChangesIt() throws Exception {
        String username = newAccount(admin(), List.of("DEPARTMENT_STAFF"), null);

        tokenRequest(username, InitialPasswords.INITIAL).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("password-change-required"))
                .andExpect(jsonPath("$.access_token").doesNotExist());
        change(username, InitialPasswords.INITIAL, "tooweak").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("weak-password"))
                .andExpect(jsonPath("$.unmetRules", contains("min-length", "character-classes")));
        change(username, InitialPasswords.INITIAL, InitialPasswords.INITIAL).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("password-reused"));
        change(username, InitialPasswords.INITIAL, "Housing-Bureau-1").andExpect(status().isNoContent());

        assertThat(token(username, "Housing-Bureau-1")).isNotBlank();
        change(username, "Housing-Bureau-1", InitialPasswords.INITIAL)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("password-reused"));
    }

    @Test
    @Order(2)
    void wrongCurrentPasswordsOfAChangeCountTowardsTheLockout() throws Exception {
        String username = newAccount(admin(), List.of("DEPARTMENT_STAFF"), null);
        for (int i = 0; i < 4; i++) {
            change(username, "Wrong-Pass-" + i, "Housing-Bureau-1").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("invalid-credentials"));
        }
        change(username, "Wrong-Pass-4", "Housing-Bureau-1").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("account-locked"));
        change(username, InitialPasswords.INITIAL, "Housing-Bureau-1")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("account-locked"));
    }

    @Test
    @Order(3)
    void businessAdminsNeverGrantADutyNorManageAccountsBeyondCreating() throws Exception {
        String admin = admin();
        String street = createUnit(admin, "STREET_COMMITTEE", "真武山街道党工委", null);
        String own = createUnit(admin, "COMMUNITY_COMMITTEE", "檀溪社区党委", street);
        String other = createUnit(admin, "COMMUNITY_COMMITTEE", "井岗社区党委", street);
        String communityAdmin = signedIn(newAccount(admin, List.of("COMMUNITY_ADMIN"), own));
        String otherResident = accountId(admin, newAccount(admin, List.of("RESIDENT"), other));
        String ownResident = accountId(admin, newAccount(admin, List.of("RESIDENT"), own));

        create(communityAdmin, Map.of("username", "would-be-auditor", "password", InitialPasswords.INITIAL,
                "roles", List.of("AUDIT_ADMIN"))).andExpect(status().isForbidden());
        call(put("/api/v1/accounts/" + ownResident + "/roles"), communityAdmin, Map.of("roles", List.of("GRID_WORKER")))
                .andExpect(status().isForbidden());
        call(post("/api/v1/accounts/" + otherResident + "/password-resets"), communityAdmin,
                Map.of("newPassword", "Reset-Pass-99")).andExpect(status().isForbidden());
        call(post("/api/v1/accounts/" + otherResident + "/deactivation"), communityAdmin, null)
                .andExpect(status().isForbidden());
        call(get("/api/v1/accounts/" + otherResident), communityAdmin, null)
                .andExpect(status().isForbidden());
        create(admin, Map.of("username", "mixed-" + suffix(), "password", InitialPasswords.INITIAL,
                "roles", List.of("SYSTEM_ADMIN", "COUNTY_ADMIN"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duty-roles-exclusive"));
    }

    @Test
    @Order(4)
    void theBootstrapAdminHandsOverToThreeDutiesThatCannotDoEachOthersWork() throws Exception {
        String admin = admin();
        String adminRefresh = tokenResponse("admin", ADMIN_PASSWORD).get("refresh_token").asString();
        String system = signedIn(newAccount(admin, List.of("SYSTEM_ADMIN"), null));
        String securityName = newAccount(admin, List.of("SECURITY_ADMIN"), null);
        String securityId = accountId(admin, securityName);
        String security = signedIn(securityName);
        String audit = signedIn(newAccount(admin, List.of("AUDIT_ADMIN"), null));
        create(admin, Map.of("username", "second-system-" + suffix(), "password", InitialPasswords.INITIAL,
                "roles", List.of("SYSTEM_ADMIN"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("duty-already-handed-over"));

        // the system administrator: accounts, with business roles or none, never a duty nor a role change
        String staffName = "staff-" + suffix();
        String staffId = create(system, Map.of("username", staffName, "password", InitialPasswords.INITIAL,
                "roles", List.of("DEPARTMENT_STAFF"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.passwordChangeRequired").value(true)).andReturn().getResponse()
                .getContentAsString().transform(AdministratorDutiesIT::id);
        String blankId = create(system, Map.of("username", "blank-" + suffix(), "password", InitialPasswords.INITIAL,
                "roles", List.of())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .transform(AdministratorDutiesIT::id);
        create(system, Map.of("username", "auditor-" + suffix(), "password", InitialPasswords.INITIAL,
                "roles", List.of("AUDIT_ADMIN"))).andExpect(status().isForbidden());
        call(put("/api/v1/accounts/" + staffId + "/roles"), system, Map.of("roles", List.of("COUNTY_ADMIN")))
                .andExpect(status().isForbidden());
        call(post("/api/v1/accounts/" + staffId + "/unlock"), system, null).andExpect(status().isForbidden());
        call(get("/api/v1/accounts"), system, null).andExpect(status().isOk());

        // the security administrator: roles of existing accounts (duties included), lockouts; no accounts
        create(security, Map.of("username", "by-security-" + suffix(), "password", InitialPasswords.INITIAL,
                "roles", List.of("DEPARTMENT_STAFF"))).andExpect(status().isForbidden());
        call(post("/api/v1/accounts/" + staffId + "/password-resets"), security, Map.of("newPassword", "Reset-Pass-99"))
                .andExpect(status().isForbidden());
        call(post("/api/v1/accounts/" + staffId + "/deactivation"), security, null).andExpect(status().isForbidden());
        call(put("/api/v1/accounts/" + blankId + "/roles"), security, Map.of("roles", List.of("AUDIT_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles", contains("AUDIT_ADMIN")));
        call(put("/api/v1/accounts/" + staffId + "/roles"), security,
                Map.of("roles", List.of("DEPARTMENT_STAFF", "SECURITY_ADMIN"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("duty-roles-exclusive"));
        call(put("/api/v1/accounts/" + securityId + "/roles"), security, Map.of("roles", List.of("DEPARTMENT_STAFF")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("last-duty-holder"));
        call(get("/api/v1/auth/password-policy"), security, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.minLength").value(10)).andExpect(jsonPath("$.history").value(5));

        // the audit administrator: nothing here, and no business either
        call(post("/api/v1/org-units"), audit, Map.of("type", "STREET_COMMITTEE", "name", "审计员的街道",
                "templateId", "FIVE_LEVEL")).andExpect(status().isForbidden());
        call(get("/api/v1/accounts"), audit, null).andExpect(status().isForbidden());
        call(get("/api/v1/org-units"), audit, null).andExpect(status().isForbidden());
        call(get("/api/v1/auth/password-policy"), audit, null).andExpect(status().isForbidden());
        // ...nor the system administrator
        call(post("/api/v1/org-units"), system, Map.of("type", "STREET_COMMITTEE", "name", "系统管理员的街道",
                "templateId", "FIVE_LEVEL")).andExpect(status().isForbidden());

        // a reset sets a new initial password; the security administrator lifts a lock
        call(post("/api/v1/accounts/" + staffId + "/password-resets"), system, Map.of("newPassword", "Reset-Pass-99"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.passwordChangeRequired").value(true));
        for (int i = 0; i < 5; i++) {
            tokenRequest(staffName, "Wrong-Pass-" + i).andExpect(status().isUnauthorized());
        }
        tokenRequest(staffName, "Reset-Pass-99").andExpect(jsonPath("$.code").value("account-locked"));
        call(post("/api/v1/accounts/" + staffId + "/unlock"), security, null).andExpect(status().isOk());
        tokenRequest(staffName, "Reset-Pass-99").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("password-change-required"));

        // the security administrator rotates the signing key: tokens signed before keep working
        call(post("/api/v1/signing-keys/rotation"), system, null).andExpect(status().isForbidden());
        call(post("/api/v1/signing-keys/rotation"), security, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.keyId").exists()).andExpect(jsonPath("$.previousKeyId").exists());
        mvc.perform(get("/.well-known/jwks.json")).andExpect(jsonPath("$.keys.length()").value(2));
        call(get("/api/v1/accounts/me"), security, null).andExpect(status().isOk());
        call(get("/api/v1/accounts/me"), signedIn(newAccount(system, List.of("DEPARTMENT_STAFF"), null)), null)
                .andExpect(status().isOk());
        call(post("/api/v1/signing-keys/rotation"), security, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("rotation-too-soon"));

        // the system administrator disables admin: no sign-in, no refresh; the last security administrator stays
        call(post("/api/v1/accounts/" + securityId + "/deactivation"), system, null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("last-duty-holder"));
        String adminId = call(get("/api/v1/accounts/me"), admin, null).andReturn().getResponse().getContentAsString()
                .transform(AdministratorDutiesIT::id);
        call(post("/api/v1/accounts/" + adminId + "/deactivation"), system, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.disabled").value(true));
        tokenRequest("admin", ADMIN_PASSWORD).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("account-disabled"));
        tokenRequest("admin", "wrong-password")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("invalid-credentials"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "refresh_token").param("refresh_token", adminRefresh))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("invalid-refresh-token"));
    }

    /** Makes an account with {@link InitialPasswords#INITIAL}; its username. */
    private String newAccount(String token, List<String> roles, String orgUnitId) throws Exception {
        String username = "user-" + suffix();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", InitialPasswords.INITIAL,
                "roles", roles));
        if (orgUnitId != null) {
            body.put("orgUnitId", orgUnitId);
        }
        create(token, body).andExpect(status().isCreated());
        return username;
    }

    /** Changes the new account's initial password, as its holder does, and signs in. */
    private String signedIn(String username) throws Exception {
        InitialPasswords.changeInitial(mvc, username, "Own-Choice-" + username);
        return token(username, "Own-Choice-" + username);
    }

    private String accountId(String token, String username) throws Exception {
        JsonNode page = JSON.readTree(call(get("/api/v1/accounts?size=200"), token, null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        for (JsonNode account : page.get("content")) {
            if (account.get("username").asString().equals(username)) {
                return account.get("id").asString();
            }
        }
        throw new AssertionError("no account " + username);
    }

    private ResultActions create(String token, Map<String, ?> body) throws Exception {
        return call(post("/api/v1/accounts"), token, body);
    }

    private String createUnit(String token, String type, String name, String parentId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", type, "name", name));
        body.put(parentId == null ? "templateId" : "parentId", parentId == null ? "FIVE_LEVEL" : parentId);
        return call(post("/api/v1/org-units"), token, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString().transform(AdministratorDutiesIT::id);
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, Map<String, ?> body)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private ResultActions change(String username, String current, String next) throws Exception {
        return mvc.perform(post("/api/v1/auth/password-changes").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("username", username, "currentPassword", current,
                        "newPassword", next))));
    }

    private String admin() throws Exception {
        return token("admin", ADMIN_PASSWORD);
    }

    private String token(String username, String password) throws Exception {
        return tokenResponse(username, password).get("access_token").asString();
    }

    private JsonNode tokenResponse(String username, String password) throws Exception {
        return JSON.readTree(tokenRequest(username, password).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private ResultActions tokenRequest(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "password").param("username", username).param("password", password));
    }

    private static String id(String json) {
        return JSON.readTree(json).get("id").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
