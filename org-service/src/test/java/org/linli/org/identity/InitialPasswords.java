package org.linli.org.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * For tests that make an account and then sign in as it: the initial password an administrator gives, and the
 * holder's change of it ({@code POST /api/v1/auth/password-changes}) that must come before the first token.
 */
public final class InitialPasswords {

    /** Meets the default password policy. */
    public static final String INITIAL = "Initial-Pass-1";

    private InitialPasswords() {
    }

    /** Changes {@code username}'s password from {@link #INITIAL} to {@code newPassword}, as its holder does. */
    public static void changeInitial(MockMvc mvc, String username, String newPassword) throws Exception {
        mvc.perform(post("/api/v1/auth/password-changes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"currentPassword\":\"" + INITIAL
                                + "\",\"newPassword\":\"" + newPassword + "\"}"))
                .andExpect(status().isNoContent());
    }
}
