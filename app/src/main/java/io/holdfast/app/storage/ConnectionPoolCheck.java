package io.holdfast.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.holdfast.app.performance.AdmissionControlFilter;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start when the database connections are fewer than the work this node lets in at once.
 * Every projection thread and every command in the room for commands holds a connection while it
 * works, and reads need some beside them; with fewer, work waits for a connection inside Holdfast,
 * where no admission room sees it (on H2 with Spring's default pool of 10, under 16 portals, a
 * case view's p99 was 15 ms against 6 ms with enough connections).
 */
@Component
public class ConnectionPoolCheck {

    /** Connections left for reads beside the projections and the commands. */
    static final int FOR_READS = 4;

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolCheck.class);

    private final DataSource dataSource;
    private final EventProcessingConfiguration processing;
    private final FilterRegistrationBean<AdmissionControlFilter> admission;

    ConnectionPoolCheck(
            DataSource dataSource,
            EventProcessingConfiguration processing,
            FilterRegistrationBean<AdmissionControlFilter> admission) {
        this.dataSource = dataSource;
        this.processing = processing;
        this.admission = admission;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnOfShortfall() {
        shortfall().ifPresent(log::warn);
    }

    /** What is missing, in words for the operator; empty when the pool serves the work let in. */
    public Optional<String> shortfall() {
        Optional<Integer> connections = poolSize();
        if (connections.isEmpty()) {
            return Optional.empty();
        }
        int projectionThreads = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .mapToInt(processor -> ((StreamingEventProcessor) processor).maxCapacity())
                .sum();
        return shortfall(
                connections.get(), projectionThreads, admission.getFilter().roomForCommands());
    }

    /** The connections the work let in at once holds. */
    static int needed(int projectionThreads, int commands) {
        return projectionThreads + commands + FOR_READS;
    }

    static Optional<String> shortfall(int connections, int projectionThreads, int commands) {
        int needed = needed(projectionThreads, commands);
        if (connections >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "The database connection pool has %d connections, fewer than the %d this node "
                        + "works with at once (%d projection threads, %d commands at once, %d for reads): commands and reads "
                        + "will wait for a connection. Set spring.datasource.hikari.maximum-pool-size to %d or more, or "
                        + "holdfast.http.max-concurrent-writes lower.",
                connections, needed, projectionThreads, commands, FOR_READS, needed));
    }

    private Optional<Integer> poolSize() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? Optional.of(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize())
                    : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
