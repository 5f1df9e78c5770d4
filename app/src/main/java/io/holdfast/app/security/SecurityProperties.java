package io.holdfast.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers prove who they are.
 *
 * @param demoUsers the embedded default's demo users (HTTP Basic, password {@code demo})
 * @param jwt       which claims of a JWT name the user, the role and the liaison's agency
 */
@ConfigurationProperties("holdfast.security")
public record SecurityProperties(DemoUsers demoUsers, Jwt jwt) {

    public SecurityProperties {
        demoUsers = demoUsers == null ? new DemoUsers(false) : demoUsers;
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    }

    public record DemoUsers(boolean enabled) {}

    public record Jwt(String userClaim, String roleClaim, String agencyClaim) {
        public Jwt {
            userClaim = userClaim == null ? "sub" : userClaim;
            roleClaim = roleClaim == null ? "roles" : roleClaim;
            agencyClaim = agencyClaim == null ? "agency" : agencyClaim;
        }
    }
}
