package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Role;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a validated JWT: the user from one claim, exactly one Holdfast role from
 * another (a string or a list; other values are ignored), and for a liaison the agency.
 */
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    JwtActorConverter(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString(claims.userClaim());
        if (user == null || user.isBlank()) {
            throw invalid("the token names no user in claim '" + claims.userClaim() + "'");
        }
        if (user.startsWith(Actor.SYSTEM_PREFIX)) {
            throw invalid(
                    "the token names a user '" + Actor.SYSTEM_PREFIX + "...', which is reserved for Holdfast itself");
        }
        Set<Role> roles = rolesOf(jwt.getClaim(claims.roleClaim()));
        if (roles.size() != 1) {
            throw invalid("the token must carry exactly one Holdfast role in claim '" + claims.roleClaim() + "'");
        }
        Role role = roles.iterator().next();
        String agencyClaim = jwt.getClaimAsString(claims.agencyClaim());
        try {
            AgencyCode agency = agencyClaim == null ? null : AgencyCode.of(agencyClaim);
            return new ActorAuthentication(new Actor(user, role, role == Role.LIAISON ? agency : null));
        } catch (InvalidValueException invalid) {
            throw invalid("the token's " + invalid.getMessage());
        }
    }

    private static Set<Role> rolesOf(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = new TreeSet<>();
        for (Object value : values) {
            String name = String.valueOf(value).toUpperCase(Locale.ROOT);
            name = name.startsWith("ROLE_") ? name.substring(5) : name;
            for (Role role : Role.values()) {
                if (role.isGrantedToPeople() && role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null), description);
    }
}
