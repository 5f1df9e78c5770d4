package io.holdfast.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The benchmark signs in like a law-enforcement portal does: JWTs signed with a key made for the run,
 * whose public half Holdfast is told to trust.
 */
final class Tokens {

    private final KeyPair key;
    private final Path publicKey;
    private final Path ledgerKey;
    final String officer;
    final String supervisor;
    final String admin;
    final String auditor;

    Tokens(Path directory) throws IOException {
        this.key = newKeyPair();
        this.publicKey = directory.resolve("benchmark-jwt-public-key.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(key.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        // the ledger's signing key, which a deployment other than the embedded default must be given
        this.ledgerKey = directory.resolve("benchmark-ledger-key.pem");
        LedgerKey.generate("holdfast").writePrivate(ledgerKey);
        this.officer = sign("bench-officer", "OFFICER");
        this.supervisor = sign("bench-supervisor", "SUPERVISOR");
        this.admin = sign("bench-admin", "ADMIN");
        this.auditor = sign("bench-auditor", "AUDITOR");
    }

    String ledgerKeyLocation() {
        return ledgerKey.toString();
    }

    String publicKeyLocation() {
        return publicKey.toUri().toString();
    }

    private String sign(String subject, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.of(role))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
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
}
