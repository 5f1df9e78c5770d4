package io.holdfast.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints as C2SP signed notes, checked by BouncyCastle's own Ed25519 over the exact body bytes. */
class CheckpointTest {

    private static final byte[] ROOT = sha256("a root");

    @TempDir
    Path folder;

    @Test
    void theNoteIsTheC2spFormAndItsSignatureVerifiesWithAnIndependentEd25519() {
        LedgerKey key = LedgerKey.generate("holdfast.example/ledger");
        Checkpoint checkpoint = Checkpoint.sign("holdfast.example/ledger", 42, ROOT, key);

        String body = "holdfast.example/ledger\n42\n" + Base64.getEncoder().encodeToString(ROOT) + "\n";
        assertThat(checkpoint.note()).startsWith(body + "\n\u2014 holdfast.example/ledger ");
        assertThat(checkpoint.note()).endsWith("\n");

        String[] signatureLine =
                checkpoint.note().substring(body.length() + 1).strip().split(" ");
        byte[] signed = Base64.getDecoder().decode(signatureLine[2]);
        assertThat(signed).hasSize(68);
        byte[] expectedKeyId = Arrays.copyOf(
                sha256Bytes(concat(
                        "holdfast.example/ledger\n".getBytes(StandardCharsets.UTF_8),
                        new byte[] {1},
                        key.rawPublicKey())),
                4);
        assertThat(Arrays.copyOf(signed, 4)).isEqualTo(expectedKeyId);

        assertThat(bouncyCastleVerifies(key.rawPublicKey(), body.getBytes(StandardCharsets.UTF_8), signed))
                .isTrue();
        byte[] changed = body.getBytes(StandardCharsets.UTF_8);
        changed[changed.length - 3] ^= 1;
        assertThat(bouncyCastleVerifies(key.rawPublicKey(), changed, signed)).isFalse();
    }

    @Test
    void aNoteVerifiesWithItsKeyAndNotWithAChangedByteOrAnotherKey() {
        LedgerKey key = LedgerKey.generate("holdfast");
        Checkpoint checkpoint = Checkpoint.sign("holdfast", 7, ROOT, key);
        LedgerKey verifying = LedgerKey.fromVerifierKey(key.verifierKey());

        Checkpoint read = Checkpoint.verified(checkpoint.note(), verifying);
        assertThat(read.treeSize()).isEqualTo(7);
        assertThat(read.rootHash()).isEqualTo(ROOT);

        String otherSize = checkpoint.note().replaceFirst("\n7\n", "\n8\n");
        assertThatThrownBy(() -> Checkpoint.verified(otherSize, verifying))
                .isInstanceOf(Checkpoint.InvalidCheckpoint.class)
                .hasMessageContaining("no signature of holdfast");
        assertThatThrownBy(() -> Checkpoint.verified(checkpoint.note(), LedgerKey.generate("holdfast")))
                .isInstanceOf(Checkpoint.InvalidCheckpoint.class);
    }

    @Test
    void aKeyReadBackFromItsPemFileSignsAsTheSameKey() throws Exception {
        LedgerKey key = LedgerKey.generate("holdfast");
        Path pem = folder.resolve("ledger-key.pem");
        key.writePrivate(pem);
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----\n");

        LedgerKey read = LedgerKey.readPrivate("holdfast", pem);
        assertThat(read.rawPublicKey()).isEqualTo(key.rawPublicKey());
        assertThat(read.verifierKey()).isEqualTo(key.verifierKey());
        Checkpoint signed = Checkpoint.sign("holdfast", 1, ROOT, read);
        assertThat(Checkpoint.verified(signed.note(), LedgerKey.readPublic("holdfast", key.publicKeyPem()))
                        .treeSize())
                .isEqualTo(1);
    }

    @Test
    void aKeyOpenSslWroteIsRead() throws Exception {
        // `openssl genpkey -algorithm ed25519`: RFC 8410's example key (§10.3)
        Path pem = folder.resolve("openssl.pem");
        Files.writeString(pem, """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
                -----END PRIVATE KEY-----
                """);
        LedgerKey key = LedgerKey.readPrivate("rfc8410", pem);
        // the public key RFC 8410 gives for it
        assertThat(Base64.getEncoder().encodeToString(key.rawPublicKey()))
                .isEqualTo("Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
    }

    private static boolean bouncyCastleVerifies(byte[] publicKey, byte[] message, byte[] keyIdAndSignature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(Arrays.copyOfRange(keyIdAndSignature, 4, 68));
    }

    private static byte[] sha256(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
