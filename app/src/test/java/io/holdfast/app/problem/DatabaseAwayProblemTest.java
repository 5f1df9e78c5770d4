package io.holdfast.app.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.HttpSettings;
import jakarta.servlet.RequestDispatcher;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * A request that meets the database out of reach (stopped, restarting, cut off) is answered 503 with
 * Retry-After and the problem {@code database-unreachable}, by a controller or by a filter, never 500;
 * every other failure stays a 500.
 */
class DatabaseAwayProblemTest {

    private static final HttpSettings HTTP = new HttpSettings(
            DataSize.ofKilobytes(256),
            DataSize.ofMegabytes(200),
            null,
            64,
            4,
            1024,
            Duration.ofMillis(200),
            Duration.ofSeconds(2));

    @Test
    void theDatabaseOutOfReachIsToldFromOtherFailures() {
        assertThat(DatabaseAway.reason(
                        new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))))
                .isPresent();
        assertThat(DatabaseAway.reason(new QueryExecutionException(
                        "query failed",
                        new DataAccessResourceFailureException("An I/O error occurred while sending to the backend."))))
                .isPresent();
        assertThat(DatabaseAway.reason(new RuntimeException(new SQLTransientConnectionException("pool timed out"))))
                .isPresent();
        assertThat(DatabaseAway.reason(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isPresent();
        assertThat(DatabaseAway.reason(
                        new RuntimeException(new SQLException("the database system is starting up", "57P03"))))
                .isPresent();

        // the embedded store closed under the request (its disk was full) and not yet opened anew
        assertThat(DatabaseAway.reason(new org.springframework.jdbc.UncategorizedSQLException(
                        "PreparedStatementCallback",
                        "select document from case_view where case_id = ?",
                        new SQLException(
                                "General error: MVStoreException: Transaction 3 is closed",
                                "HY000",
                                50000,
                                org.h2.mvstore.DataUtils.newMVStoreException(
                                        org.h2.mvstore.DataUtils.ERROR_CLOSED, "Transaction {0} is closed", 3)))))
                .isPresent();
        assertThat(DatabaseAway.reason(new SQLException("The database has been closed", "90098", 90098)))
                .isPresent();

        assertThat(DatabaseAway.reason(new DataIntegrityViolationException("duplicate key")))
                .isEmpty();
        assertThat(DatabaseAway.reason(new SQLException("syntax error", "42601")))
                .isEmpty();
        assertThat(DatabaseAway.reason(new IllegalStateException("a bug", new ConnectException("elsewhere"))))
                .isEmpty();
    }

    @Test
    void aConnectionThePoolClosedAfterItBrokeIsTheDatabaseOutOfReach() throws Exception {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:database-away");
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config)) {
            java.sql.Connection connection = pool.getConnection();
            connection.close();
            SQLException closed =
                    org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class, connection::rollback);

            assertThat(DatabaseAway.reason(new RuntimeException("rollback failed", closed)))
                    .as("HikariCP's closed connection: %s, state %s", closed, closed.getSQLState())
                    .isPresent();
        }
    }

    @Test
    void aControllersReadThatLostTheDatabaseIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler(HTTP)
                .failed(new QueryExecutionException(
                        "query failed",
                        new DataAccessResourceFailureException("An I/O error occurred while sending to the backend.")));

        assertDatabaseUnreachable(answer);
    }

    @Test
    void aFiltersFailureThatLostTheDatabaseIs503WithRetryAfterAndAnyOtherIs500() {
        MockHttpServletRequest lost = new MockHttpServletRequest("POST", "/error");
        lost.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        lost.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION,
                new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("timed out")));
        assertDatabaseUnreachable(new ProblemErrorController(HTTP).error(lost));

        MockHttpServletRequest broken = new MockHttpServletRequest("POST", "/error");
        broken.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        broken.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("a bug"));
        ResponseEntity<ProblemDetail> internal = new ProblemErrorController(HTTP).error(broken);
        assertThat(internal.getStatusCode().value()).isEqualTo(500);
        assertThat(internal.getHeaders().getFirst("Retry-After")).isNull();
    }

    private static void assertDatabaseUnreachable(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getType().toString()).endsWith("/problems/database-unreachable");
        assertThat(answer.getBody().getDetail()).contains("same Idempotency-Key");
    }
}
