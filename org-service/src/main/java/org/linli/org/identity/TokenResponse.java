package org.linli.org.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token response of RFC 6749 §5.1; its field names follow OAuth 2 so that standard clients read it. */
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("refresh_token") String refreshToken) {
}
