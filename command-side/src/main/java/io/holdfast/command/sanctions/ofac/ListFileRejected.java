package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.InvalidValueException;

/**
 * A list file could not be read: names where (file, line, element or column) and what is wrong,
 * so the person who uploaded it can find the place. Nothing of such a file is imported.
 */
public class ListFileRejected extends InvalidValueException {

    public ListFileRejected(String where, String rule) {
        super(where, rule);
    }
}
