package io.holdfast.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key as signed notes name it (c2sp.org/signed-note): a key name, and a key id that is
 * the first 4 bytes of {@code SHA-256(keyName ‖ "\n" ‖ 0x01 ‖ the 32-byte public key)}. The
 * private half is only present where Holdfast signs.
 */
public final class LedgerKey {

    /** The signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String keyName;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private LedgerKey(String keyName, PublicKey publicKey, PrivateKey privateKey) {
        if (keyName == null || keyName.isEmpty() || keyName.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a key name is not empty and holds no spaces or '+'");
        }
        this.keyName = keyName;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static LedgerKey generate(String keyName) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new LedgerKey(keyName, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot make Ed25519 keys", e);
        }
    }

    /** The signing key in a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
    public static LedgerKey readPrivate(String keyName, Path pemFile) throws IOException {
        byte[] der = pem(Files.readString(pemFile, StandardCharsets.US_ASCII), "PRIVATE KEY");
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(der));
            // the public key of a PKCS#8 Ed25519 key: derived by signing nothing is not possible, so the JDK derives it
            PublicKey publicKey = derivePublic(privateKey);
            return new LedgerKey(keyName, publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " holds no Ed25519 private key in PKCS#8 PEM form", e);
        }
    }

    /** A verifier's key: a public key PEM file ({@code -----BEGIN PUBLIC KEY-----}) or, failing that, a PKCS#8 private key. */
    public static LedgerKey readPublic(String keyName, String pemText) {
        try {
            if (pemText.contains("PRIVATE KEY")) {
                PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(pem(pemText, "PRIVATE KEY")));
                return new LedgerKey(keyName, derivePublic(privateKey), null);
            }
            PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(pem(pemText, "PUBLIC KEY")));
            return new LedgerKey(keyName, publicKey, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM text holds no Ed25519 key", e);
        }
    }

    /** A verifier key in signed-note form: {@code <keyName>+<key id, 8 hex digits>+<base64(0x01 ‖ public key)>}. */
    public static LedgerKey fromVerifierKey(String verifierKey) {
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key reads <name>+<key id>+<key>");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
        }
        LedgerKey key = new LedgerKey(parts[0], fromRaw(Arrays.copyOfRange(typed, 1, 33)), null);
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return key;
    }

    public void writePrivate(Path pemFile) throws IOException {
        Files.writeString(pemFile, pemOf("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
    }

    public String keyName() {
        return keyName;
    }

    /** The 32 bytes of the Ed25519 public key. */
    public byte[] rawPublicKey() {
        byte[] der = publicKey.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    public String publicKeyPem() {
        return pemOf("PUBLIC KEY", publicKey.getEncoded());
    }

    public byte[] keyId() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(rawPublicKey());
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code <keyName>+<key id in hex>}: how a signature line names its key. */
    public String signerId() {
        return keyName + "+" + HexFormat.of().formatHex(keyId());
    }

    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(rawPublicKey(), 0, typed, 1, 32);
        return keyName + "+" + HexFormat.of().formatHex(keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("this key verifies only");
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey derivePublic(PrivateKey privateKey) throws GeneralSecurityException {
        // The JDK keeps no public half in a PKCS#8 Ed25519 key; Ed25519's public key is the base point times the
        // clamped SHA-512 of the seed, which the JDK computes when it generates a pair from that seed.
        byte[] seed = seedOf(privateKey.getEncoded());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** The 32-byte seed in a PKCS#8 Ed25519 key: the OCTET STRING wrapped in the privateKey OCTET STRING (RFC 8410 §7). */
    private static byte[] seedOf(byte[] der) {
        for (int i = 0; i + 36 <= der.length; i++) {
            if (der[i] == 0x04 && der[i + 1] == 0x22 && der[i + 2] == 0x04 && der[i + 3] == 0x20) {
                return Arrays.copyOfRange(der, i + 4, i + 36);
            }
        }
        throw new IllegalArgumentException("no Ed25519 seed in the PKCS#8 key");
    }

    private static PublicKey fromRaw(byte[] raw) {
        try {
            byte[] der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static byte[] pem(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String pemOf(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label
                + "-----\n";
    }

    /** Hands the generator exactly the seed of an existing key, so it derives that key's public half. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
