package io.holdfast.app.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.holdfast.app.http.HttpSettings;
import io.holdfast.app.messaging.AxonServerAway;
import io.holdfast.app.problem.Problems.FieldError;
import io.holdfast.app.problem.Problems.Type;
import io.holdfast.command.messaging.Refusals;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Refusal;
import io.holdfast.query.http.ViewNotYetCaughtUp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem. Clients see the domain's own sentences and the
 * fields they got wrong, never a stack trace, class name or SQL; the server log keeps the detail
 * under the request's correlation id.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Duration retryAfter;

    ProblemHandler(HttpSettings http) {
        this.retryAfter = http.retryAfter();
    }

    /** A view catching up with a case the event store holds: ask again, never "not found". */
    @ExceptionHandler(ViewNotYetCaughtUp.class)
    ResponseEntity<ProblemDetail> viewBehind(ViewNotYetCaughtUp behind) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                .body(Problems.of(Type.VIEW_CATCHING_UP, behind.getMessage()));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLarge tooLarge) {
        return respond(Problems.of(Type.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
    }

    /**
     * Refusals are answered from the {@link Refusal} they carry, never from an exception's class:
     * through Axon Server only a command's or query's details survive, so every deployment mode
     * answers from the same value. A failure that is no refusal is a 503 when Axon Server cannot
     * be reached (nothing was dispatched, so nothing is half-done) or the database cannot (the
     * Idempotency-Key makes sending it again safe), and a 500 otherwise.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure) {
        Optional<Refusal> refusal = Refusals.of(failure);
        if (refusal.isPresent()) {
            return respond(problemFor(refusal.get()));
        }
        Optional<String> unreachable = AxonServerAway.reason(failure);
        if (unreachable.isPresent()) {
            log.warn("request refused, Axon Server cannot be reached: {}", unreachable.get());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                    .body(Problems.of(
                            Type.MESSAGING_UNAVAILABLE,
                            "Holdfast cannot reach Axon Server, which carries its commands, queries and events; "
                                    + "nothing was recorded by this request. Try again shortly."));
        }
        Optional<String> full = StoreFull.reason(failure);
        if (full.isPresent()) {
            return storeFull(full.get());
        }
        Optional<String> databaseAway = DatabaseAway.reason(failure);
        if (databaseAway.isPresent()) {
            return databaseAway(databaseAway.get(), retryAfter);
        }
        log.error("request failed unexpectedly", failure);
        return respond(
                Problems.of(
                        Type.INTERNAL,
                        "Holdfast could not complete the request; nothing was recorded by it. Quote the correlation id when reporting this."));
    }

    /** Room on a full disk is an operator's to make: asked again sooner, the answer would be the same. */
    static final Duration STORE_FULL_RETRY_AFTER = Duration.ofSeconds(30);

    /** The store's disk full: 503, ask again after {@link #STORE_FULL_RETRY_AFTER}. */
    static ResponseEntity<ProblemDetail> storeFull(String reason) {
        log.warn("request refused, the store has no space left: {}", reason);
        return unavailable(
                Type.STORE_FULL,
                STORE_FULL_RETRY_AFTER,
                "Holdfast's store has run out of disk space, so nothing was recorded by this request. "
                        + "Holdfast resumes by itself once an operator frees space; send the request again "
                        + "then, with the same Idempotency-Key for a write.");
    }

    /** The database out of reach while answering: 503, ask again after {@code retryAfter}. */
    static ResponseEntity<ProblemDetail> databaseAway(String reason, Duration retryAfter) {
        log.warn("request refused, the database cannot be reached: {}", reason);
        return unavailable(
                Type.DATABASE_UNAVAILABLE,
                retryAfter,
                "Holdfast lost its database while answering. Send the request again shortly, with the "
                        + "same Idempotency-Key for a write: a command already recorded is answered from "
                        + "its record, never applied twice.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(Type type, Duration retryAfter, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(type, detail));
    }

    private static ProblemDetail problemFor(Refusal refusal) {
        if (refusal.policy() != null) {
            log.info("refused by {}: {}", refusal.policy(), refusal.sentence());
        } else if (refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE) {
            log.info("concurrent change refused: {}", refusal.sentence());
        }
        return switch (refusal.kind()) {
            case INVALID -> Problems.invalid(refusal.field() == null ? "body" : refusal.field(), refusal.sentence());
            // a case hidden from the caller reads exactly like one that does not exist: no policy;
            // a freeze request or obligation missing from a case the caller sees names its policy
            case NOT_FOUND ->
                Policy.LIAISON_SEES_ONLY_CASES_OF_ITS_AGENCY.named(refusal.policy())
                        ? Problems.of(Type.NOT_FOUND, refusal.sentence())
                        : naming(Type.NOT_FOUND, refusal);
            case NOT_PERMITTED -> naming(Type.FORBIDDEN, refusal);
            case RULE_VIOLATED -> naming(Type.RULE_VIOLATED, refusal);
            case LIST_REFUSED -> naming(Type.LIST_REFUSED, refusal);
            case STALE_VERSION -> naming(Type.VERSION_MISMATCH, refusal);
            case CONCURRENT_CHANGE -> naming(Type.CONCURRENT_CHANGE, refusal);
        };
    }

    private static ProblemDetail naming(Type type, Refusal refusal) {
        ProblemDetail problem = Problems.of(type, refusal.sentence());
        if (refusal.policy() != null) {
            problem.setProperty("policy", refusal.policy());
        }
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldError("body", "is not valid"));
        }
        return respondUntyped(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return respondUntyped(Problems.invalid(List.of(describe(unreadable.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        // Spring MVC's own refusals (405, 406, 415, missing parameters, unknown paths), in Holdfast's shape
        ResponseEntity<Object> standard = super.handleExceptionInternal(failure, body, headers, statusCode, request);
        if (standard != null && standard.getBody() instanceof ProblemDetail problem) {
            Type type = typeFor(statusCode.value());
            ProblemDetail ours = Problems.of(type, safeDetail(problem, type));
            return ResponseEntity.status(statusCode)
                    .headers(standard.getHeaders())
                    .body(ours);
        }
        return standard;
    }

    private static String safeDetail(ProblemDetail problem, Type type) {
        return switch (type) {
            case NOT_FOUND -> "there is nothing at this address";
            case INTERNAL -> "Holdfast could not complete the request";
            default -> problem.getDetail();
        };
    }

    private static Type typeFor(int status) {
        return Arrays.stream(Type.values())
                .filter(type -> type.status().value() == status)
                .findFirst()
                .orElse(status >= 500 ? Type.INTERNAL : Type.INVALID_REQUEST);
    }

    private static FieldError describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldError(path(format), expected(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            return new FieldError(field.isEmpty() ? "body" : field, expected(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping
                && mapping.getCause() instanceof InvalidValueException invalid) {
            return new FieldError(invalid.field(), invalid.rule());
        }
        if (cause instanceof StreamConstraintsException) {
            return new FieldError("body", "is nested too deeply or holds a number or text too long");
        }
        if (cause instanceof JsonParseException parse) {
            String location = parse.getLocation() == null
                    ? ""
                    : " (line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr() + ")";
            String original = parse.getOriginalMessage();
            String reason = original != null && original.startsWith("Duplicate field")
                    ? ": " + original.replace("Duplicate field", "duplicate field")
                    : "";
            return new FieldError("body", "is not valid JSON" + location + reason);
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not valid JSON");
        }
        return new FieldError("body", "is required and must be a JSON object");
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant in UTC, such as 2023-05-24T15:00:00Z";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> respondUntyped(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
