package io.holdfast.kernel.sanctions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.holdfast.kernel.Require;

/**
 * A sanctions list's name, such as {@code OFAC-SDN}. Its identity in the event store carries a
 * prefix no case id can have ({@code /} is not allowed in one), so a list and a case never share
 * an event stream.
 */
public record SanctionsListId(String name) {

    public static final SanctionsListId OFAC_SDN = new SanctionsListId("OFAC-SDN");

    @JsonCreator
    public SanctionsListId {
        Require.identifier("list", name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "sanctions-list/" + name;
    }
}
