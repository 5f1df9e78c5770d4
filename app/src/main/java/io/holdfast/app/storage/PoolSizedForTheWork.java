package io.holdfast.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.holdfast.app.performance.AdmissionControlConfiguration;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the connection pool, unless {@code spring.datasource.hikari.maximum-pool-size} is set, from
 * the same numbers {@link ConnectionPoolCheck} checks: a connection for each projection thread, each
 * command in the room for commands (which grows with the cores) and the reads. A fixed size warned
 * at every start on machines of many cores.
 */
@Component
public class PoolSizedForTheWork implements BeanPostProcessor, Ordered {

    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";

    private final Environment environment;

    public PoolSizedForTheWork(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !environment.containsProperty(POOL_SIZE)) {
            pool.setMaximumPoolSize(ConnectionPoolCheck.needed(projectionThreads(), commands()));
        }
        return bean;
    }

    /** Before any post-processor that puts the pool behind another data source. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private int projectionThreads() {
        Map<String, ProcessorThreads> processors = Binder.get(environment)
                .bind("axon.eventhandling.processors", Bindable.mapOf(String.class, ProcessorThreads.class))
                .orElse(Map.of());
        return processors.values().stream()
                .mapToInt(ProcessorThreads::getThreadCount)
                .sum();
    }

    private int commands() {
        return AdmissionControlConfiguration.roomForCommands(
                environment.getProperty("holdfast.http.max-concurrent-writes", Integer.class),
                Runtime.getRuntime().availableProcessors());
    }

    /** A processor's {@code thread-count}, 1 unless set, as Axon reads it. */
    public static class ProcessorThreads {
        private int threadCount = 1;

        public int getThreadCount() {
            return threadCount;
        }

        public void setThreadCount(int threadCount) {
            this.threadCount = threadCount;
        }
    }
}
