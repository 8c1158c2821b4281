package org.linli.org.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * For tests that act as someone: the bootstrap administrator of the {@code test} profile, or an account made
 * through the API ({@code POST /api/v1/accounts}, asserted 201), its initial password changed as its holder
 * would ({@link InitialPasswords}), and a token from the password grant (asserted 200). Every account made here
 * signs in with {@link #PASSWORD}.
 */
public final class TestAccounts {

    /** What the accounts made here sign in with (an integration client: its secret). */
    public static final String PASSWORD = "Test-Account-Pass1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestAccounts() {
    }

    /** "Bearer …" of the bootstrap administrator ({@code admin}, COUNTY_ADMIN, from application-test.yml). */
    public static String adminBearer(MockMvc mvc) throws Exception {
        return "Bearer " + accessToken(mvc, "admin", "test-admin-password");
    }

    /** "Bearer …" of a new account with {@code role} at {@code unitId}, made by the admin holding {@code adminBearer}. */
    public static String bearerOf(MockMvc mvc, String adminBearer, String role, String unitId) throws Exception {
        return "Bearer " + accessToken(mvc, person(mvc, adminBearer, Map.of("roles", List.of(role), "orgUnitId", unitId)),
                PASSWORD);
    }

    /**
     * A new person's account with {@code fields} ({@code roles}, and {@code orgUnitId}, {@code companyId}… as the
     * roles need), its initial password changed to {@link #PASSWORD}; its username.
     */
    public static String person(MockMvc mvc, String adminBearer, Map<String, ?> fields) throws Exception {
        String username = create(mvc, adminBearer, fields, InitialPasswords.INITIAL);
        InitialPasswords.changeInitial(mvc, username, PASSWORD);
        return username;
    }

    /** A new INTEGRATION_CLIENT account, whose secret is {@link #PASSWORD} from the start (no person to change it); its id. */
    public static String integrationClient(MockMvc mvc, String adminBearer) throws Exception {
        return create(mvc, adminBearer, Map.of("roles", List.of("INTEGRATION_CLIENT")), PASSWORD);
    }

    /** The access token (without "Bearer ") the password grant gives {@code username}. */
    public static String accessToken(MockMvc mvc, String username, String password) throws Exception {
        String body = tokenRequest(mvc, username, password).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("access_token").asString();
    }

    /** The password grant for {@code username}, whatever it answers. */
    public static ResultActions tokenRequest(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "password").param("username", username).param("password", password));
    }

    private static String create(MockMvc mvc, String adminBearer, Map<String, ?> fields, String password)
            throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = new HashMap<>(fields);
        request.put("username", username);
        request.put("password", password);
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, adminBearer)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(request)))
                .andExpect(status().isCreated());
        return username;
    }
}
