package io.holdfast.command.screening;

import io.holdfast.kernel.sanctions.WalletAddress;

/** An address the exchange knows an account by: where it deposits to or withdraws to. */
public record KnownAddress(WalletAddress address, AddressKind kind) {

    public enum AddressKind {
        DEPOSIT,
        WITHDRAWAL
    }
}
