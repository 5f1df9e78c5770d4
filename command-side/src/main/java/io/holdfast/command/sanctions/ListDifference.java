package io.holdfast.command.sanctions;

import io.holdfast.kernel.sanctions.ListedAddress;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a list file changes in the current version. An entry the file gives only in part keeps
 * every address the current version has for it that the file does not name: the file cannot say
 * those addresses were delisted, so they are carried over, never removed.
 */
record ListDifference(
        Map<String, SanctionsEntry> next,
        List<String> added,
        List<String> changed,
        List<SanctionsEntry> listed,
        List<String> removed,
        List<ListedAddress> addressesAdded,
        List<ListedAddress> addressesRemoved,
        List<ListedAddress> addressesCarriedOver,
        int addressCount) {

    static ListDifference between(
            Map<String, SanctionsEntry> current, Map<String, SanctionsEntry> incoming, List<String> incompleteEntries) {
        Set<String> incomplete = new HashSet<>(incompleteEntries);
        Map<String, SanctionsEntry> next = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<SanctionsEntry> listed = new ArrayList<>();
        List<ListedAddress> addressesAdded = new ArrayList<>();
        List<ListedAddress> addressesRemoved = new ArrayList<>();
        List<ListedAddress> carriedOver = new ArrayList<>();
        for (SanctionsEntry given : incoming.values()) {
            SanctionsEntry before = current.get(given.uid());
            SanctionsEntry entry = given;
            if (before != null && incomplete.contains(given.uid())) {
                List<ListedAddress> kept = addressesOnlyIn(before, given);
                carriedOver.addAll(kept);
                entry = withAddresses(given, kept);
            }
            next.put(entry.uid(), entry);
            if (before == null) {
                added.add(entry.uid());
            } else if (!before.equals(entry)) {
                changed.add(entry.uid());
            }
            if (before == null || !before.equals(entry)) {
                listed.add(entry);
                addressesAdded.addAll(addressesOnlyIn(entry, before));
                addressesRemoved.addAll(addressesOnlyIn(before, entry));
            }
        }
        List<String> removed = new ArrayList<>();
        for (SanctionsEntry before : current.values()) {
            if (!incoming.containsKey(before.uid())) {
                removed.add(before.uid());
                addressesRemoved.addAll(addressesOnlyIn(before, null));
            }
        }
        int addressCount = next.values().stream()
                .mapToInt(entry -> entry.addresses().size())
                .sum();
        return new ListDifference(
                next, added, changed, listed, removed, addressesAdded, addressesRemoved, carriedOver, addressCount);
    }

    /** Whether the file removes more than {@code share} of the current version's entries or addresses. */
    boolean removesMoreThan(double share, Map<String, SanctionsEntry> current) {
        int currentAddresses = current.values().stream()
                .mapToInt(entry -> entry.addresses().size())
                .sum();
        return exceeds(removed.size(), current.size(), share)
                || exceeds(addressesRemoved.size(), currentAddresses, share);
    }

    private static boolean exceeds(int removed, int of, double share) {
        return of > 0 && removed > share * of;
    }

    private static SanctionsEntry withAddresses(SanctionsEntry entry, List<ListedAddress> more) {
        if (more.isEmpty()) {
            return entry;
        }
        List<WalletAddress> addresses = new ArrayList<>(entry.addresses());
        more.forEach(kept -> addresses.add(kept.address()));
        return new SanctionsEntry(
                entry.uid(), entry.name(), entry.entryType(), entry.programs(), entry.aliases(), addresses);
    }

    /** The addresses of {@code entry} that {@code other} does not name (compared by their keys). */
    private static List<ListedAddress> addressesOnlyIn(SanctionsEntry entry, SanctionsEntry other) {
        if (entry == null) {
            return List.of();
        }
        Set<String> otherKeys = new HashSet<>();
        if (other != null) {
            other.addresses().forEach(address -> otherKeys.add(address.key()));
        }
        List<ListedAddress> only = new ArrayList<>();
        for (WalletAddress address : entry.addresses()) {
            if (!otherKeys.contains(address.key())) {
                only.add(new ListedAddress(entry.uid(), address));
            }
        }
        return only;
    }
}
