package io.holdfast.app.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problems Holdfast answers with: one type per kind of refusal. */
public final class Problems {

    public static final String CORRELATION_ID = io.holdfast.kernel.EventMetadata.CORRELATION_ID;

    public enum Type {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid"),
        UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required"),
        FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not permitted"),
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
        RULE_VIOLATED(HttpStatus.CONFLICT, "rule-violated", "The case refused the command"),
        LIST_REFUSED(HttpStatus.CONFLICT, "list-refused", "The sanctions list refused the file"),
        CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "The case changed at the same moment"),
        BACKUP_ELSEWHERE(HttpStatus.CONFLICT, "backup-elsewhere", "This database is backed up with its own tools"),
        REQUEST_IN_PROGRESS(HttpStatus.CONFLICT, "request-in-progress", "The same request is still being processed"),
        VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "The case is not at the expected version"),
        PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large"),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
        IDEMPOTENCY_KEY_REUSED(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "The Idempotency-Key was already used for another request"),
        AT_CAPACITY(HttpStatus.SERVICE_UNAVAILABLE, "at-capacity", "Holdfast is at capacity"),
        VIEW_CATCHING_UP(HttpStatus.SERVICE_UNAVAILABLE, "view-catching-up", "The case's view is catching up"),
        MESSAGING_UNAVAILABLE(
                HttpStatus.SERVICE_UNAVAILABLE, "axon-server-unreachable", "Axon Server cannot be reached"),
        DATABASE_UNAVAILABLE(
                HttpStatus.SERVICE_UNAVAILABLE, "database-unreachable", "Holdfast cannot reach its database"),
        STORE_FULL(HttpStatus.SERVICE_UNAVAILABLE, "store-full", "Holdfast's store has no space left"),
        INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Holdfast could not complete the request");

        private final HttpStatus status;
        private final String slug;
        private final String title;

        Type(HttpStatus status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public HttpStatus status() {
            return status;
        }

        public URI uri() {
            return URI.create("/problems/" + slug);
        }

        public String title() {
            return title;
        }
    }

    /** One field that broke one rule. */
    public record FieldError(String field, String message) {}

    private Problems() {}

    public static ProblemDetail of(Type type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        String correlationId = MDC.get(CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        ProblemDetail problem = of(Type.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemDetail withProperties(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
