package io.holdfast.kernel;

import java.util.List;

/** Whose assets a case concerns: the account holder's name and the wallet addresses in question. */
public record Subject(String holderName, List<String> walletAddresses) {

    public Subject {
        Require.text("subject.holderName", holderName, 300);
        walletAddresses = Require.list("subject.walletAddresses", walletAddresses, 1000);
        for (String address : walletAddresses) {
            Require.text("subject.walletAddresses", address, 200);
        }
    }
}
