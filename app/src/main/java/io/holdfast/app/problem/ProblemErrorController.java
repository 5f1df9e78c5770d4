package io.holdfast.app.problem;

import io.holdfast.app.http.HttpSettings;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a request refused before it reached a
 * controller, such as one the firewall rejects for an encoded {@code ;} or {@code %00} in its path)
 * is answered as a problem too, never as Spring Boot's default error document; a failure of a filter
 * because the database is out of reach is the same 503 the controllers answer.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final Duration retryAfter;

    ProblemErrorController(HttpSettings http) {
        this.retryAfter = http.retryAfter();
    }

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE
            })
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        // a filter's failure (the idempotency record's, say) reaches here, not the controllers' handler
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            Optional<String> full = StoreFull.reason(failure);
            if (full.isPresent()) {
                return ProblemHandler.storeFull(full.get());
            }
            Optional<String> databaseAway = DatabaseAway.reason(failure);
            if (databaseAway.isPresent()) {
                return ProblemHandler.databaseAway(databaseAway.get(), retryAfter);
            }
        }
        Problems.Type type = switch (status) {
            case 401 -> Problems.Type.UNAUTHENTICATED;
            case 403 -> Problems.Type.FORBIDDEN;
            case 404 -> Problems.Type.NOT_FOUND;
            case 405 -> Problems.Type.METHOD_NOT_ALLOWED;
            case 406 -> Problems.Type.NOT_ACCEPTABLE;
            case 413 -> Problems.Type.PAYLOAD_TOO_LARGE;
            case 415 -> Problems.Type.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? Problems.Type.INTERNAL : Problems.Type.INVALID_REQUEST;
        };
        String detail = switch (type) {
            case INVALID_REQUEST -> "the request could not be read: its address, parameters or headers are not valid";
            case NOT_FOUND -> "there is nothing at this address";
            case INTERNAL ->
                "Holdfast could not complete the request; the server log has the detail under the correlation id";
            default -> type.title();
        };
        ProblemDetail problem = Problems.of(type, detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String refused) {
            try {
                problem.setInstance(URI.create(refused)); // as the client sent it, still encoded
            } catch (IllegalArgumentException unreadable) {
                // an address that is no URI at all is left out
            }
        }
        return ResponseEntity.status(HttpStatus.valueOf(type.status().value()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
