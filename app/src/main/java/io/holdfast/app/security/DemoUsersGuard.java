package io.holdfast.app.security;

import io.holdfast.app.settings.SettingRefused;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a deployment profile (postgres, axonserver, …) while the demo users, whose
 * password is the well-known {@code demo}, are still enabled: they exist only for the embedded
 * default on one machine.
 */
public class DemoUsersGuard implements EnvironmentPostProcessor {

    static final String DEMO_USERS_ENABLED = "holdfast.security.demo-users.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] profiles = environment.getActiveProfiles();
        boolean demoUsers = environment.getProperty(DEMO_USERS_ENABLED, Boolean.class, false);
        if (demoUsers && profiles.length > 0) {
            throw new SettingRefused(
                    "HOLDFAST_SECURITY_DEMOUSERS_ENABLED",
                    "the demo users (password 'demo') are enabled while profile(s) " + Arrays.toString(profiles)
                            + " are active; they are only for the embedded default. Set it to false and configure"
                            + " JWT sign-in (spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or"
                            + " public-key-location)");
        }
    }
}
