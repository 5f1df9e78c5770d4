package io.holdfast.command.freezecase.http;

/** The shape of an amount on the wire: a plain decimal string, no sign, no exponent. */
final class Decimals {

    static final String PLAIN_DECIMAL = "^[0-9]{1,30}(\\.[0-9]{1,18})?$";
    static final String PLAIN_DECIMAL_RULE =
            "must be a decimal string such as \"1250.5\": digits, at most 30 before and 18 after the point, no sign or exponent";

    private Decimals() {}
}
