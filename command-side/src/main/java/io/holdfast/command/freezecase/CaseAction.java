package io.holdfast.command.freezecase;

import static io.holdfast.kernel.Role.LIAISON;
import static io.holdfast.kernel.Role.OFFICER;
import static io.holdfast.kernel.Role.SUPERVISOR;
import static io.holdfast.kernel.Role.SYSTEM;

import io.holdfast.kernel.Role;
import java.util.EnumSet;
import java.util.Set;

/** The commands a case takes, with the roles that may issue each and whether a closed case still takes it (docs/DESIGN.md, "Who may do what"). */
enum CaseAction {
    FLAG("flag an account", EnumSet.of(OFFICER, SUPERVISOR, LIAISON, SYSTEM), false),
    RECORD_WARRANT("record a warrant", EnumSet.of(OFFICER, SUPERVISOR, LIAISON), false),
    EXTEND_WARRANT("record a warrant's extension", EnumSet.of(OFFICER, SUPERVISOR, LIAISON), false),
    // a report owed for a freeze stays owed after the assets are released
    FILE_BLOCKING_REPORT("file a blocking report", EnumSet.of(OFFICER, SUPERVISOR), true),
    REQUEST_FREEZE("request a freeze", EnumSet.of(OFFICER, SUPERVISOR), false),
    DECIDE_FREEZE_REQUEST("approve or reject a freeze request", EnumSet.of(SUPERVISOR), false),
    RELEASE("release frozen assets", EnumSet.of(SUPERVISOR), false),
    TURN_OVER("turn over frozen assets", EnumSet.of(SUPERVISOR), false),
    DISMISS("dismiss a case", EnumSet.of(OFFICER, SUPERVISOR), false),
    ADD_NOTE("add a note to a case", EnumSet.of(OFFICER, SUPERVISOR), true);

    private final String description;
    private final Set<Role> permittedRoles;
    private final boolean takenByAClosedCase;

    CaseAction(String description, Set<Role> permittedRoles, boolean takenByAClosedCase) {
        this.description = description;
        this.permittedRoles = permittedRoles;
        this.takenByAClosedCase = takenByAClosedCase;
    }

    /** Whether a released, turned-over or dismissed case still takes it. */
    boolean isTakenByAClosedCase() {
        return takenByAClosedCase;
    }

    String description() {
        return description;
    }

    boolean isPermittedFor(Role role) {
        return permittedRoles.contains(role);
    }
}
