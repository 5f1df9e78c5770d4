package io.holdfast.app.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.holdfast.app.problem.Problems.FieldError;
import io.holdfast.app.problem.Problems.Type;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.NothingFound;
import io.holdfast.app.request.PayloadTooLarge;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.freezecase.CaseCommandRejected;
import io.holdfast.query.readmodel.ReadNotFound;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure into an RFC 9457 problem. Clients see the domain's own sentences and the
 * fields they got wrong, never a stack trace, class name or SQL; the server log keeps the detail
 * under the request's correlation id.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(CaseCommandRejected.class)
    ResponseEntity<ProblemDetail> rejected(CaseCommandRejected rejection) {
        Type type = switch (rejection.kind()) {
            case CONFLICT -> Type.RULE_VIOLATED;
            case NOT_PERMITTED -> Type.FORBIDDEN;
            case NOT_VISIBLE -> Type.NOT_FOUND;
            case STALE_VERSION -> Type.VERSION_MISMATCH;
        };
        ProblemDetail problem = Problems.of(type, rejection.getMessage());
        if (type != Type.NOT_FOUND) {
            // a 404 must read exactly like one for a case that does not exist
            problem.setProperty("policy", rejection.policy());
        }
        log.info("command refused by {}: {}", rejection.policy(), rejection.getMessage());
        return respond(problem);
    }

    @ExceptionHandler(SanctionsListRejected.class)
    ResponseEntity<ProblemDetail> listRejected(SanctionsListRejected rejection) {
        ProblemDetail problem = Problems.of(rejection.notPermitted() ? Type.FORBIDDEN : Type.LIST_REFUSED, rejection.getMessage());
        problem.setProperty("policy", rejection.policy());
        log.info("sanctions list import refused by {}: {}", rejection.policy(), rejection.getMessage());
        return respond(problem);
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLarge tooLarge) {
        return respond(Problems.of(Type.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
    }

    @ExceptionHandler(NothingFound.class)
    ResponseEntity<ProblemDetail> nothingFound(NothingFound notFound) {
        return respond(Problems.of(Type.NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler(ReadNotFound.class)
    ResponseEntity<ProblemDetail> readNotFound(ReadNotFound notFound) {
        return respond(Problems.of(Type.NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException invalid) {
        return respond(Problems.invalid(invalid.field(), invalid.rule()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCase(AggregateNotFoundException notFound) {
        return respond(Problems.of(Type.NOT_FOUND, "case " + notFound.getAggregateIdentifier() + " was not found"));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> caseCreatedConcurrently(AggregateStreamCreationException conflict) {
        return respond(Problems.of(Type.CONCURRENT_CHANGE,
                "a case with this id was created at the same moment; choose another case id"));
    }

    /** Two commands (on one node or two) appended to one case at the same moment: one lost. */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException conflict) {
        log.info("concurrent change refused: {}", conflict.getMessage());
        return respond(Problems.of(Type.CONCURRENT_CHANGE,
                "another change to this case was recorded at the same moment; read the case again and retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("request failed unexpectedly", failure);
        return respond(Problems.of(Type.INTERNAL,
                "Holdfast could not complete the request; nothing was recorded by it. Quote the correlation id when reporting this."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
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
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return respondUntyped(Problems.invalid(List.of(describe(unreadable.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, @Nullable Object body,
                                                             HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        // Spring MVC's own refusals (405, 406, 415, missing parameters, unknown paths), in Holdfast's shape
        ResponseEntity<Object> standard = super.handleExceptionInternal(failure, body, headers, statusCode, request);
        if (standard != null && standard.getBody() instanceof ProblemDetail problem) {
            Type type = typeFor(statusCode.value());
            ProblemDetail ours = Problems.of(type, safeDetail(problem, type));
            return ResponseEntity.status(statusCode).headers(standard.getHeaders()).body(ours);
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
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InvalidValueException invalid) {
            return new FieldError(invalid.field(), invalid.rule());
        }
        if (cause instanceof StreamConstraintsException) {
            return new FieldError("body", "is nested too deeply or holds a number or text too long");
        }
        if (cause instanceof JsonParseException parse) {
            String location = parse.getLocation() == null ? ""
                    : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
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
