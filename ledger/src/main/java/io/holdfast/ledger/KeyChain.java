package io.holdfast.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys a ledger's checkpoints were signed with, in the order they signed, each after the first
 * introduced by a rotation checkpoint (see {@link Checkpoint#signRotation}). An auditor who holds
 * one of them follows the chain from it: each next key is trusted once the key before it signed the
 * checkpoint that names it. A key introduced without the previous key's signature breaks the chain.
 */
public final class KeyChain {

    /** One key: its verifier key, and the note that introduced it (null for the ledger's first key). */
    public record Link(String verifierKey, String introduction) {}

    /** The keys trusted from the one held, in order, and what stopped the walk, if anything. */
    public record Followed(List<LedgerKey> trusted, List<String> failures) {

        public LedgerKey last() {
            return trusted.get(trusted.size() - 1);
        }
    }

    private KeyChain() {}

    public static Followed follow(LedgerKey held, List<Link> chain) {
        List<LedgerKey> trusted = new ArrayList<>(List.of(held));
        List<String> failures = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (LedgerKey.fromVerifierKey(chain.get(i).verifierKey()).signerId().equals(held.signerId())) {
                start = i;
            }
        }
        if (start < 0) {
            if (!chain.isEmpty()) {
                failures.add("the key held (" + held.signerId() + ") is not one of the ledger's keys");
            }
            return new Followed(List.copyOf(trusted), List.copyOf(failures));
        }
        LedgerKey current = held;
        for (int i = start + 1; i < chain.size(); i++) {
            Link link = chain.get(i);
            LedgerKey next = LedgerKey.fromVerifierKey(link.verifierKey());
            Introduction introduction = introduction(link, current, next);
            if (introduction != Introduction.ENDORSED) {
                failures.add("the key " + next.signerId() + " " + introduction.failure());
                break;
            }
            trusted.add(next);
            current = next;
        }
        return new Followed(List.copyOf(trusted), List.copyOf(failures));
    }

    /** How a key came to sign the ledger's checkpoints after the key before it. */
    public enum Introduction {
        ENDORSED(null),
        WITHOUT_THE_PREVIOUS_KEY("was introduced without the signature of the key before it: the operator says the"
                + " old key was lost; obtain the new key from them and verify with it"),
        NOT_NAMED("was not introduced by a checkpoint naming it"),
        NOT_SIGNED_BY_IT("did not sign the checkpoint that introduced it");

        private final String failure;

        Introduction(String failure) {
            this.failure = failure;
        }

        /** Why the key is not to be trusted from the one before it; null when it is. */
        public String failure() {
            return failure;
        }
    }

    /** Whether {@code previous} handed the ledger to {@code next} by the link's introduction. */
    public static Introduction introduction(Link link, LedgerKey previous, LedgerKey next) {
        if (link.introduction() == null
                || !Checkpoint.nextKey(link.introduction()).orElse("").equals(next.verifierKey())) {
            return Introduction.NOT_NAMED;
        }
        try {
            Checkpoint.verified(link.introduction(), next);
        } catch (Checkpoint.InvalidCheckpoint invalid) {
            return Introduction.NOT_SIGNED_BY_IT;
        }
        try {
            Checkpoint.verified(link.introduction(), previous);
        } catch (Checkpoint.InvalidCheckpoint invalid) {
            return Introduction.WITHOUT_THE_PREVIOUS_KEY;
        }
        return Introduction.ENDORSED;
    }
}
