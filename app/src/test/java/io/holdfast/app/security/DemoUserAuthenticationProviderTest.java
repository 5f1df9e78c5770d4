package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt runs once per user and password, not once per request. */
class DemoUserAuthenticationProviderTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder countingBcrypt = new PasswordEncoder() {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    private final DemoUserAuthenticationProvider provider = new DemoUserAuthenticationProvider(countingBcrypt);

    private Authentication login(String user, String password) {
        return provider.authenticate(new UsernamePasswordAuthenticationToken(user, password));
    }

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgain() {
        for (int i = 0; i < 100; i++) {
            Authentication authenticated = login("supervisor", "demo");
            assertThat(authenticated.getName()).isEqualTo("supervisor");
            assertThat(authenticated.getAuthorities())
                    .extracting(Object::toString)
                    .containsExactly("ROLE_SUPERVISOR");
        }
        assertThat(bcryptChecks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        login("officer", "demo");
        assertThatThrownBy(() -> login("officer", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("officer", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.get()).isEqualTo(3);
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThatThrownBy(() -> login("mallory", "demo")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aLiaisonCarriesItsAgency() {
        ActorAuthentication liaison = (ActorAuthentication) login("liaison-hsi", "demo");
        assertThat(liaison.actor().agency().value()).isEqualTo("HSI");
    }
}
