package io.holdfast.command.freezecase;

import io.holdfast.kernel.Role;

import java.util.EnumSet;
import java.util.Set;

import static io.holdfast.kernel.Role.LIAISON;
import static io.holdfast.kernel.Role.OFFICER;
import static io.holdfast.kernel.Role.SUPERVISOR;
import static io.holdfast.kernel.Role.SYSTEM;

/** The commands a case takes, with the roles that may issue each (DESIGN.md, "Who may do what"). */
enum CaseAction {
    FLAG("flag an account", EnumSet.of(OFFICER, SUPERVISOR, LIAISON, SYSTEM)),
    RECORD_WARRANT("record a warrant", EnumSet.of(OFFICER, SUPERVISOR, LIAISON)),
    EXTEND_WARRANT("record a warrant's extension", EnumSet.of(OFFICER, SUPERVISOR, LIAISON)),
    FILE_BLOCKING_REPORT("file a blocking report", EnumSet.of(OFFICER, SUPERVISOR)),
    REQUEST_FREEZE("request a freeze", EnumSet.of(OFFICER, SUPERVISOR)),
    DECIDE_FREEZE_REQUEST("approve or reject a freeze request", EnumSet.of(SUPERVISOR)),
    RELEASE("release frozen assets", EnumSet.of(SUPERVISOR)),
    TURN_OVER("turn over frozen assets", EnumSet.of(SUPERVISOR)),
    DISMISS("dismiss a case", EnumSet.of(OFFICER, SUPERVISOR)),
    ADD_NOTE("add a note to a case", EnumSet.of(OFFICER, SUPERVISOR));

    private final String description;
    private final Set<Role> permittedRoles;

    CaseAction(String description, Set<Role> permittedRoles) {
        this.description = description;
        this.permittedRoles = permittedRoles;
    }

    String description() {
        return description;
    }

    boolean isPermittedFor(Role role) {
        return permittedRoles.contains(role);
    }
}
