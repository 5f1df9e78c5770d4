package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("officer")
                    .issuedAt(now.minusSeconds(60))
                    .expiresAt(expiresAt)
                    .build();
        };
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(
                verifier(now.plusSeconds(600)), Duration.ofMinutes(5), 100, Clock.fixed(now, ZoneOffset.UTC));

        for (int request = 0; request < 100; request++) {
            assertThat(tokens.decode("token-a").getSubject()).isEqualTo("officer");
        }
        tokens.decode("token-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsCheckedAgainEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(
                verifier(now.plusSeconds(600)), Duration.ofMinutes(5), 100, Clock.fixed(now, ZoneOffset.UTC));

        for (int request = 0; request < 3; request++) {
            assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
    }

    @Test
    void anExpiredTokenIsNotServedFromMemory() {
        MutableClock clock = new MutableClock(now);
        VerifiedTokens tokens = new VerifiedTokens(verifier(now.plusSeconds(30)), Duration.ofMinutes(5), 100, clock);
        tokens.decode("token-a");

        clock.now = now.plusSeconds(31);
        tokens.decode("token-a");

        assertThat(verifications)
                .as("past its expiry the token goes back to the verifier, which refuses expired tokens")
                .hasValue(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
