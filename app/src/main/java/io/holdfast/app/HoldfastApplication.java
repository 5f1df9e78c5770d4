package io.holdfast.app;

import io.holdfast.ledger.BundleVerifier;
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

    /**
     * {@code verify-bundle …} checks an evidence bundle offline, {@code verify-checkpoint …} a new
     * checkpoint against one kept; either starts nothing else (no Spring, no database).
     */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("verify-bundle") || args[0].equals("verify-checkpoint"))) {
            System.exit(new BundleVerifier(System.out).run(args));
        }
        SpringApplication.run(HoldfastApplication.class, args);
    }
}
