package io.holdfast.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Holdfast: event-sourced account-freeze case management. Runs both sides in one process. */
// callers are demo users or JWT holders, never a generated default user
@SpringBootApplication(scanBasePackages = "io.holdfast", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("io.holdfast")
public class HoldfastApplication {

    static {
        // Holdfast makes no outbound calls and advertises nothing: keep AxonIQ's console notice off.
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(HoldfastApplication.class, args);
    }
}
