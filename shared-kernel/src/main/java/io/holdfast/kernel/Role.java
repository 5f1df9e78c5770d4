package io.holdfast.kernel;

/** What a person may do in Holdfast; see docs/DESIGN.md, "Who may do what". */
public enum Role {
    /** Compliance officer: flags, records warrants, requests freezes, dismisses, writes notes. */
    OFFICER,
    /** Everything an officer does, and decides freeze requests, releases and turns over. */
    SUPERVISOR,
    /** Law-enforcement liaison, bound to one agency. */
    LIAISON,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Runs replays and watches processors; no case commands. */
    ADMIN,
    /**
     * Holdfast itself (user ids {@code system:...}), such as sanctions screening. Never granted to a
     * person: no token or login can carry it.
     */
    SYSTEM;

    /** Whether a person can hold this role through a token or a login. */
    public boolean isGrantedToPeople() {
        return this != SYSTEM;
    }
}
