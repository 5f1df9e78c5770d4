package io.holdfast.app.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Signs JWTs with a key made for the test run; Holdfast trusts its public half. */
public final class TestTokens {

    private static final KeyPair TRUSTED = newKeyPair();
    private static final KeyPair UNTRUSTED = newKeyPair();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String token(String subject, Object roles, String agency) {
        return sign(TRUSTED, subject, roles, agency, Instant.now().plus(Duration.ofMinutes(5)));
    }

    public static String expiredToken(String subject, Object roles) {
        return sign(TRUSTED, subject, roles, null, Instant.now().minus(Duration.ofMinutes(5)));
    }

    public static String tokenSignedByAStranger(String subject, Object roles) {
        return sign(UNTRUSTED, subject, roles, null, Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String sign(KeyPair key, String subject, Object roles, String agency, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        if (agency != null) {
            claims.claim("agency", agency);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("holdfast-test-jwt", ".pem");
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
