package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.linli.platform.web.BusinessRuleViolation;
import org.linli.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth", description = "Tokens for people (password), sessions (refresh_token) and county systems (client_credentials)")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final TokenService tokens;
    private final Problems problems;

    AuthController(TokenService tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Operation(summary = "Issue an access token (OAuth 2 token endpoint, form or JSON body)",
            description = "Public. grant_type=password (username, password), refresh_token (refresh_token) or "
                    + "client_credentials (client_id, client_secret). 401 on bad credentials; after repeated failures "
                    + "the account is locked for a while (401 account-locked with Retry-After).")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse tokenFromForm(@RequestParam Map<String, String> form) {
        return token(form);
    }

    @Operation(summary = "Issue an access token (JSON body)", description = "As the form variant.")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse tokenFromJson(@RequestBody Map<String, String> body) {
        return token(body);
    }

    private TokenResponse token(Map<String, String> request) {
        String grant = required(request, "grant_type");
        return switch (grant) {
            case "password" -> tokens.password(required(request, "username"), required(request, "password"));
            case "refresh_token" -> tokens.refresh(required(request, "refresh_token"));
            case "client_credentials" -> tokens.clientCredentials(required(request, "client_id"),
                    required(request, "client_secret"));
            default -> throw new BusinessRuleViolation("unsupported-grant-type",
                    "grant_type must be password, refresh_token or client_credentials", grant);
        };
    }

    private static String required(Map<String, String> request, String field) {
        String value = request.get(field);
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("missing-parameter", field + " is required", field);
        }
        return value;
    }

    @ExceptionHandler(AuthenticationFailed.class)
    ResponseEntity<ProblemDetail> failed(AuthenticationFailed e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!e.retryAfter().isZero()) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(problems.of(HttpStatus.UNAUTHORIZED, e.kind()));
    }
}
