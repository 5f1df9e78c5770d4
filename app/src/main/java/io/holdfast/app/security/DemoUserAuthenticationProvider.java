package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic for the demo users. Passwords are stored as BCrypt hashes; since BCrypt costs tens of
 * milliseconds of CPU per check, a password once verified is remembered as its SHA-256 digest, and
 * later requests compare digests in constant time instead of running BCrypt again.
 */
class DemoUserAuthenticationProvider implements AuthenticationProvider {

    private final PasswordEncoder bcrypt;
    private final Map<String, Actor> users = DemoUsers.byUserId();
    private final Map<String, String> bcryptHashes = new HashMap<>();
    private final Map<String, byte[]> verifiedDigests = new ConcurrentHashMap<>();

    DemoUserAuthenticationProvider() {
        this(new BCryptPasswordEncoder());
    }

    DemoUserAuthenticationProvider(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        users.keySet().forEach(user -> bcryptHashes.put(user, bcrypt.encode(DemoUsers.PASSWORD)));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        Actor actor = users.get(user);
        if (actor == null || credentials == null) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        String password = credentials.toString();
        byte[] digest = sha256(password);
        byte[] verified = verifiedDigests.get(user);
        if (verified == null || !MessageDigest.isEqual(verified, digest)) {
            if (!bcrypt.matches(password, bcryptHashes.get(user))) {
                throw new BadCredentialsException("unknown user or wrong password");
            }
            verifiedDigests.put(user, digest);
        }
        return new ActorAuthentication(actor);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
