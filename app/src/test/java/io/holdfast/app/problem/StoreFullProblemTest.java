package io.holdfast.app.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.HttpSettings;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * A request that meets the store's disk full is answered 503 {@code store-full} with a Retry-After
 * long enough for an operator to act, by a controller or by a filter, never 500 and never taken for the
 * database being out of reach; the fault scenario {@code disk-full} shows it on a real full disk.
 */
class StoreFullProblemTest {

    private static final HttpSettings HTTP = new HttpSettings(
            DataSize.ofKilobytes(256),
            DataSize.ofMegabytes(200),
            null,
            64,
            4,
            1024,
            Duration.ofMillis(200),
            Duration.ofSeconds(2));

    /** As H2 reports a commit it could not write, and every use of its database after it. */
    private static final RuntimeException EMBEDDED_FULL = new DataAccessResourceFailureException(
            "PreparedStatementCallback",
            new SQLException(
                    "The database has been closed",
                    "90098",
                    90098,
                    new IllegalStateException(
                            "Writing to sun.nio.ch.FileChannelImpl failed; length 24576 at 2232320",
                            new IOException("No space left on device"))));

    @Test
    void aFullDiskIsToldFromOtherFailures() {
        assertThat(StoreFull.reason(EMBEDDED_FULL))
                .hasValueSatisfying(reason -> assertThat(reason).isEqualTo("IOException: No space left on device"));
        assertThat(StoreFull.reason(new RuntimeException(new SQLException(
                        "could not extend file \"base/16384/16385\": No space left on device", "53100"))))
                .isPresent();

        // as the event store reports a batch of events H2 could not write: the driver's failure chained as next
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException(
                "General error: MVStoreException: Writing to sun.nio.ch.FileChannelImpl failed", "HY000", 50000, null);
        batch.setNextException(new SQLException(
                "The database has been closed", "90098", 90098, new IOException("No space left on device")));
        assertThat(StoreFull.reason(new RuntimeException(
                        "An event for aggregate [CASE-1] at sequence [3] was already inserted", batch)))
                .isPresent();

        assertThat(StoreFull.reason(new SQLException("refused", "08001"))).isEmpty();
        assertThat(StoreFull.reason(new IOException("Connection reset"))).isEmpty();
        assertThat(StoreFull.reason(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void aControllersRequestThatMetAFullDiskIs503StoreFull() {
        assertStoreFull(new ProblemHandler(HTTP).failed(EMBEDDED_FULL));
    }

    @Test
    void aFiltersRequestThatMetAFullDiskIs503StoreFull() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, EMBEDDED_FULL);

        assertStoreFull(new ProblemErrorController(HTTP).error(request));
    }

    private static void assertStoreFull(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getBody().getType().toString()).endsWith("/problems/store-full");
        assertThat(answer.getBody().getDetail())
                .contains("run out of disk space", "nothing was recorded", "same Idempotency-Key");
    }
}
