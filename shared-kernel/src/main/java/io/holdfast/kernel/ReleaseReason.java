package io.holdfast.kernel;

/** Why frozen assets are released. */
public enum ReleaseReason {
    WARRANT_EXPIRED,
    ORDER_LIFTED,
    FALSE_POSITIVE,
    LICENSE_GRANTED
}
