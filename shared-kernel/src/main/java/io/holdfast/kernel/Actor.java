package io.holdfast.kernel;

/**
 * The person (or system) who issues a command: user id, role, and for a liaison the agency it
 * speaks for. Carried in every command and event so the history says who did what.
 */
public record Actor(String userId, Role role, AgencyCode agency) {

    public static final String SYSTEM_PREFIX = "system:";

    public Actor {
        Require.text("actor.userId", userId, 128);
        Require.present("actor.role", role);
        if (role == Role.LIAISON && agency == null) {
            throw new InvalidValueException("actor.agency", "is required for a liaison");
        }
        if (role == Role.SYSTEM && !userId.startsWith(SYSTEM_PREFIX)) {
            throw new InvalidValueException(
                    "actor.userId", "must start with '" + SYSTEM_PREFIX + "' for Holdfast itself");
        }
    }

    /** Holdfast itself acting, such as {@code system:screening}. */
    public static Actor system(String name) {
        return new Actor(SYSTEM_PREFIX + name, Role.SYSTEM, null);
    }

    public static Actor of(String userId, Role role) {
        return new Actor(userId, role, null);
    }

    public static Actor liaison(String userId, AgencyCode agency) {
        return new Actor(userId, Role.LIAISON, agency);
    }

    public boolean isLiaison() {
        return role == Role.LIAISON;
    }

    @Override
    public String toString() {
        return agency == null ? userId + " (" + role + ")" : userId + " (" + role + ", " + agency + ")";
    }
}
