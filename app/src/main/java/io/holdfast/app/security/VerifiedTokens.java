package io.holdfast.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a portal's token once and remembers the result until the token expires (at most
 * {@code maxAge}): checking an RSA signature on every request was the largest single cost of a
 * request in the benchmark. Tokens that fail verification are never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Duration maxAge, long maxTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, maxAge)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration untilExpiry(Jwt jwt, Duration maxAge) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
    }
}
