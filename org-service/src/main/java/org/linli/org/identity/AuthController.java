package org.linli.org.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.linli.platform.audit.SignIns;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    private static final String TOKEN_SUMMARY = "Issue an access token (OAuth 2 token endpoint, form or JSON body)";
    private static final String TOKEN_DESCRIPTION = "Public. grant_type=password (username, password), refresh_token "
            + "(refresh_token) or client_credentials (client_id, client_secret). 401 invalid-credentials, "
            + "invalid-refresh-token (also for a disabled account or an expired password); after repeated failures the account is locked for "
            + "a while (account-locked, with Retry-After). With the right password, 403 password-change-required "
            + "(an initial password set by an administrator: change it with POST /api/v1/auth/password-changes "
            + "first), 403 password-expired (older than linli.identity.password-policy.max-age, when set) and 403 "
            + "account-disabled. 422 missing-parameter, unsupported-grant-type.";

    @Operation(operationId = "issueToken", summary = TOKEN_SUMMARY, description = TOKEN_DESCRIPTION)
    @TokenRequestBody
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse tokenFromForm(@Parameter(hidden = true) @RequestParam Map<String, String> form) {
        return token(form);
    }

    @Operation(operationId = "issueToken", summary = TOKEN_SUMMARY, description = TOKEN_DESCRIPTION)
    @TokenRequestBody
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse tokenFromJson(@RequestBody Map<String, String> body) {
        return token(body);
    }

    /** The token request's documented body, the same fields as a form or as JSON (the methods read a map). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = TokenRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TokenRequest.class))})
    @interface TokenRequestBody {
    }

    /** What each grant type reads; the fields a grant does not use are ignored. */
    @Schema(description = "An OAuth 2 token request: the fields of its grant_type")
    record TokenRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "password",
                    allowableValues = {"password", "refresh_token", "client_credentials"}) String grant_type,
            @Schema(description = "grant_type=password", example = "admin") String username,
            @Schema(description = "grant_type=password", example = "change-me") String password,
            @Schema(description = "grant_type=refresh_token") String refresh_token,
            @Schema(description = "grant_type=client_credentials") String client_id,
            @Schema(description = "grant_type=client_credentials") String client_secret) {
    }

    @Operation(summary = "Change one's own password (also an initial or expired one)",
            description = "Public: the holder names username, currentPassword and newPassword; no token, since an "
                    + "initial or expired password gets none. A wrong current password counts towards the lockout as "
                    + "at sign-in: 401 invalid-credentials, account-locked (Retry-After). 403 account-disabled. 422 "
                    + "weak-password (unmetRules: min-length, max-length, character-classes), password-reused (one of the last "
                    + "linli.identity.password-policy.history). 400 missing or too long fields. Ends the account's "
                    + "sessions (refresh tokens). 204 on success.")
    @PostMapping("/password-changes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(@Valid @RequestBody PasswordChangeRequest request) {
        tokens.changePassword(request.username(), request.currentPassword(), request.newPassword());
    }

    /** Capped here against floods; the policy refuses a new password over 72 UTF-8 bytes (weak-password, max-length). */
    record PasswordChangeRequest(@NotBlank @Size(max = 64) String username,
                                 @NotBlank @Size(max = 128) String currentPassword,
                                 @NotBlank @Size(max = 128) String newPassword) {
    }

    private TokenResponse token(Map<String, String> request) {
        SignIns.attempt(request.get("grant_type"), "client_credentials".equals(request.get("grant_type"))
                ? request.get("client_id") : request.get("username"));
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

    @ExceptionHandler(SignInRefused.class)
    ResponseEntity<ProblemDetail> refused(SignInRefused e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.FORBIDDEN, e.code()));
    }
}
