package io.holdfast.app.serialization;

import io.holdfast.command.freezecase.FreezeCase;
import io.holdfast.command.sanctions.SanctionsList;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesHeld;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsListHoldEnded;
import io.holdfast.kernel.sanctions.SanctionsListVersionHeld;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names Holdfast stores its facts under, one place for all of them: every event, the
 * aggregates' snapshots and the deadlines' payloads. A stored name never changes when a class is
 * moved or renamed; only this map does. Names of records written before there were names (the
 * Java class name) are still read: a name this map does not know is taken as a class name.
 */
public final class StoredTypeNames {

    private static final Map<Class<?>, String> NAMES = names();
    private static final Map<String, Class<?>> CLASSES = classes();

    private StoredTypeNames() {}

    private static Map<Class<?>, String> names() {
        Map<Class<?>, String> names = new LinkedHashMap<>();
        for (Class<?> event : CaseEvent.class.getPermittedSubclasses()) {
            names.put(event, "holdfast.case." + event.getSimpleName());
        }
        names.put(SanctionsEntriesListed.class, "holdfast.sanctions.SanctionsEntriesListed");
        names.put(SanctionsEntriesDelisted.class, "holdfast.sanctions.SanctionsEntriesDelisted");
        names.put(SanctionsListVersionImported.class, "holdfast.sanctions.SanctionsListVersionImported");
        names.put(SanctionsEntriesHeld.class, "holdfast.sanctions.SanctionsEntriesHeld");
        names.put(SanctionsListVersionHeld.class, "holdfast.sanctions.SanctionsListVersionHeld");
        names.put(SanctionsListHoldEnded.class, "holdfast.sanctions.SanctionsListHoldEnded");
        names.put(FreezeCase.class, "holdfast.snapshot.FreezeCase");
        names.put(SanctionsList.class, "holdfast.snapshot.SanctionsList");
        names.put(WarrantId.class, "holdfast.deadline.WarrantId");
        names.put(FreezeRequestId.class, "holdfast.deadline.FreezeRequestId");
        return Collections.unmodifiableMap(names);
    }

    private static Map<String, Class<?>> classes() {
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        NAMES.forEach((type, name) -> classes.put(name, type));
        return Collections.unmodifiableMap(classes);
    }

    /** Every stored name and the class it is read as. */
    public static Map<String, Class<?>> all() {
        return CLASSES;
    }

    public static Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(NAMES.get(type));
    }

    public static Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(CLASSES.get(name));
    }
}
