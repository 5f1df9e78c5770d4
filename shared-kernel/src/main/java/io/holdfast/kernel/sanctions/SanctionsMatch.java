package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Require;
import java.util.List;

/**
 * Why screening flagged an account: the account's address equals one a list version designates.
 * Names the list, the version screened against, the entry, its programs and the address as the
 * account registered it and as the list writes it.
 */
public record SanctionsMatch(
        String list,
        long listVersion,
        String entryUid,
        List<String> programs,
        WalletAddress accountAddress,
        WalletAddress listedAddress,
        String screeningRun) {

    public SanctionsMatch {
        Require.identifier("match.list", list);
        if (listVersion < 1) {
            throw new io.holdfast.kernel.InvalidValueException("match.listVersion", "must be 1 or more");
        }
        Require.text("match.entryUid", entryUid, 64);
        programs = Require.list("match.programs", programs, 100);
        Require.present("match.accountAddress", accountAddress);
        Require.present("match.listedAddress", listedAddress);
        screeningRun = Require.optionalText("match.screeningRun", screeningRun, 64);
    }
}
