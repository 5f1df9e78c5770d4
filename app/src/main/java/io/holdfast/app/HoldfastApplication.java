package io.holdfast.app;

import io.holdfast.app.storage.StartAgainAfterStoreLoss;
import io.holdfast.ledger.BundleVerifier;
import java.time.Duration;
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
        application().run(args);
    }

    /** Holdfast as {@code java -jar} starts it: again by itself after the embedded store lost commits. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(HoldfastApplication.class);
        application.addListeners(new StartAgainAfterStoreLoss(application, Duration.ofSeconds(5)));
        return application;
    }
}
