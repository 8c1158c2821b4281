package org.linli.org.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** For tests that act as a person with one role at one unit: the account made, its password set, a token. */
public final class TestAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Test-Account-Pass1";

    private TestAccounts() {
    }

    /** "Bearer …" of a new account with {@code role} at {@code unitId}, made by the admin holding {@code adminBearer}. */
    public static String bearerOf(MockMvc mvc, String adminBearer, String role, String unitId) throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, adminBearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("username", username, "password",
                                InitialPasswords.INITIAL, "roles", List.of(role), "orgUnitId", unitId))))
                .andExpect(status().isCreated());
        InitialPasswords.changeInitial(mvc, username, PASSWORD);
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "password").param("username", username).param("password", PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return "Bearer " + JSON.readTree(body).get("access_token").asString();
    }
}
