package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Require;
import java.util.List;

/**
 * One designation on a sanctions list as Holdfast keeps it: the list's own id for the entry
 * ({@code uid}), its primary name, its kind (individual, entity, vessel, aircraft), the programs
 * it is designated under (such as {@code DPRK3}), its aliases and its digital-currency addresses.
 */
public record SanctionsEntry(
        String uid,
        String name,
        String entryType,
        List<String> programs,
        List<String> aliases,
        List<WalletAddress> addresses) {

    public SanctionsEntry {
        Require.text("uid", uid, 64);
        Require.text("name", name, 500);
        entryType = Require.optionalText("entryType", entryType, 50);
        programs = Require.list("programs", programs, 100);
        aliases = Require.list("aliases", aliases, 1000);
        addresses = Require.list("addresses", addresses, 10_000);
    }

    /** The programs as one text, as OFAC writes them: {@code CYBER2; DPRK3}. */
    public String programText() {
        return String.join("; ", programs);
    }
}
