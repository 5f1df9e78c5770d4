package io.holdfast.app.request;

import io.holdfast.app.http.HttpSettings;
import io.holdfast.app.problem.ProblemWriter;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * What happens to every request around the controllers: correlation ids, bounded bodies,
 * idempotent retries, and the metadata every recorded event carries.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RequestConfiguration {

    /** Spring Security's filter chain runs at -100; the body limit and idempotency run after it. */
    private static final int AFTER_SECURITY = -99;

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Inside the correlation id, so its line carries it; around everything else, so refused requests are logged too. */
    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSubjectFilter> requestSubjectFilter() {
        FilterRegistrationBean<RequestSubjectFilter> registration =
                new FilterRegistrationBean<>(new RequestSubjectFilter());
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProblemWriter problems, HttpSettings http) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        problems,
                        http.maxBodySize().toBytes(),
                        http.maxUploadSize().toBytes()));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    /** Uploads in parts up to the upload limit; a part larger than 1 MB is kept on disk while it is read. */
    @Bean
    MultipartConfigElement multipartConfigElement(HttpSettings http) {
        long limit = http.maxUploadSize().toBytes();
        return new MultipartConfigElement(
                "", limit, limit, (int) DataSize.ofMegabytes(1).toBytes());
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store,
            PlatformTransactionManager transactions,
            ProblemWriter problems,
            IdempotencySettings idempotency,
            ObjectProvider<StoreDurability> durability) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                store,
                transactions,
                problems,
                idempotency.retention(),
                Clock.systemUTC(),
                durability.getIfAvailable(() -> StoreDurability.ON_COMMIT)));
        registration.setOrder(AFTER_SECURITY + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    IdempotencyHousekeeping idempotencyHousekeeping(IdempotencyStore store) {
        return new IdempotencyHousekeeping(store);
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandMetadata() {
        return new CommandMetadata();
    }

    /** Copies the request's metadata from each command onto the events it records. */
    @Bean
    CorrelationDataProvider requestMetadataOnEvents() {
        return new CorrelationOutsideProjections(
                new SimpleCorrelationDataProvider(CommandMetadata.KEYS.toArray(String[]::new)));
    }

    /**
     * Axon's own message-origin ids, under names that leave {@code correlationId} to the request's
     * correlation id.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new CorrelationOutsideProjections(new MessageOriginProvider("causationId", "traceId"));
    }

    /** Forgets idempotency keys past their retention. */
    static class IdempotencyHousekeeping {

        private final IdempotencyStore store;

        IdempotencyHousekeeping(IdempotencyStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "${holdfast.idempotency.housekeeping-interval:PT1H}", initialDelayString = "PT1M")
        void forgetExpiredKeys() {
            store.forgetExpired(Clock.systemUTC().instant());
        }
    }
}
