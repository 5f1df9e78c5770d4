package io.holdfast.app.security;

import io.holdfast.app.settings.SettingRefused;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a Holdfast nobody could sign in to: the demo users off and no JWT issuer, key
 * set or public key configured would answer 401 to every caller, silently.
 */
public class SignInGuard implements EnvironmentPostProcessor {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    private static final List<String> JWT_SETTINGS =
            List.of(JWT + "issuer-uri", JWT + "jwk-set-uri", JWT + "public-key-location");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demoUsers = environment.getProperty(DemoUsersGuard.DEMO_USERS_ENABLED, Boolean.class, false);
        boolean jwt = JWT_SETTINGS.stream()
                .anyMatch(setting -> !environment.getProperty(setting, "").isBlank());
        if (!demoUsers && !jwt) {
            throw new SettingRefused(
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
                    "nobody could sign in: the demo users are off (" + DemoUsersGuard.DEMO_USERS_ENABLED
                            + "=false) and no JWT sign-in is configured. Set it to your identity provider's issuer,"
                            + " or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI to its key set, or"
                            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION to an RSA public key"
                            + " file (see docs/configuration.md)");
        }
    }
}
