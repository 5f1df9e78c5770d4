package io.holdfast.app.request;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import io.holdfast.app.request.IdempotencyStore.StoredAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes writes with an {@code Idempotency-Key} safe to retry. The key is claimed, the command runs
 * and its answer is stored in one database transaction together with the events it appends, so
 * either both the events and the answer are kept or neither is. A retry with the same key and body
 * gets the first answer (status, body, ETag) and appends nothing; the same key with another body or
 * another address is refused with 422.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern SENSIBLE_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final ProblemWriter problems;
    private final Duration retention;
    private final Clock clock;
    private final StoreDurability durability;

    public IdempotencyFilter(
            IdempotencyStore store,
            PlatformTransactionManager transactions,
            ProblemWriter problems,
            Duration retention,
            Clock clock,
            StoreDurability durability) {
        this.durability = durability;
        this.store = store;
        this.transactions = transactions;
        this.problems = problems;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SENSIBLE_KEY.matcher(key).matches()) {
            problems.write(response, Problems.invalid(HEADER, "must be 1 to 200 visible ASCII characters"));
            return;
        }
        if (request.getUserPrincipal() == null || !(request instanceof CachedBodyRequest cached)) {
            chain.doFilter(request, response);
            return;
        }
        String owner = request.getUserPrincipal().getName();
        String requestHash = hash(request.getMethod(), request.getRequestURI(), cached.body());
        Instant now = clock.instant();

        Optional<StoredAnswer> earlier = store.find(owner, key, now);
        if (earlier.isPresent()) {
            answerFrom(earlier.get(), requestHash, response);
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            store.reserve(owner, key, requestHash, now, now.plus(retention));
            chain.doFilter(request, recorded);
            if (isSuccess(recorded.getStatus())) {
                store.complete(
                        owner,
                        key,
                        recorded.getStatus(),
                        recorded.getContentAsByteArray(),
                        recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.ETAG),
                        recorded.getHeader(HttpHeaders.LOCATION));
                transactions.commit(transaction);
            } else {
                // a refused request appends nothing and keeps no answer: the client may correct it and retry
                transactions.rollback(transaction);
            }
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException concurrentRetry) {
            rollbackQuietly(transaction);
            recorded.reset();
            Optional<StoredAnswer> winner = store.find(owner, key, clock.instant());
            if (winner.isPresent() && winner.get().isComplete()) {
                answerFrom(winner.get(), requestHash, recorded);
            } else {
                problems.write(
                        recorded,
                        Problems.of(
                                Problems.Type.REQUEST_IN_PROGRESS,
                                "a request with this Idempotency-Key is still being processed; retry shortly"));
            }
        } catch (RuntimeException | IOException | ServletException failure) {
            rollbackQuietly(transaction);
            throw failure;
        }
        recorded.copyBodyToResponse();
    }

    private void answerFrom(StoredAnswer answer, String requestHash, HttpServletResponse response) throws IOException {
        if (!answer.requestHash().equals(requestHash)) {
            problems.write(
                    response,
                    Problems.of(
                            Problems.Type.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was already used for a request with another body or address; "
                                    + "use a new key for a new request"));
            return;
        }
        if (!answer.isComplete()) {
            problems.write(
                    response,
                    Problems.of(
                            Problems.Type.REQUEST_IN_PROGRESS,
                            "a request with this Idempotency-Key is still being processed; retry shortly"));
            return;
        }
        durability.awaitDiskHoldsWhatIsShown();
        response.setStatus(answer.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void rollbackQuietly(TransactionStatus transaction) {
        if (!transaction.isCompleted()) {
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException failure) {
                log.warn("rolling back an idempotent request failed", failure);
            }
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String hash(String method, String uri, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + uri + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
