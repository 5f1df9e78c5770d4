package io.holdfast.app.performance;

import io.holdfast.app.http.HttpSettings;
import io.holdfast.app.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Bounded work in progress: how many commands, reads and uploads a node works on at once. */
@Configuration(proxyBeanMethods = false)
public class AdmissionControlConfiguration {

    /**
     * Right after the correlation id and the access line, so an overloaded node sheds a request before any other work.
     * Unless set, the room for commands is two per core: on two cores and H2, 32 commands at once
     * gave no more commands/s than 4 and took the cores from the reads (a case view's p99 under 16
     * portals 33 ms against 13 ms). The postgres profile sets its own.
     */
    @Bean
    FilterRegistrationBean<AdmissionControlFilter> admissionControlFilter(
            ProblemWriter problems, MeterRegistry meters, HttpSettings http) {
        FilterRegistrationBean<AdmissionControlFilter> registration =
                new FilterRegistrationBean<>(new AdmissionControlFilter(
                        roomForCommands(
                                http.maxConcurrentWrites(), Runtime.getRuntime().availableProcessors()),
                        http.maxConcurrentReads(),
                        http.maxConcurrentUploads(),
                        http.maxOpenWaits(),
                        http.admissionWait(),
                        http.retryAfter(),
                        problems,
                        meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    public static int roomForCommands(Integer configured, int cores) {
        return configured != null ? configured : 2 * cores;
    }
}
