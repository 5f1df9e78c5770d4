package io.holdfast.kernel;

/**
 * A value of the published language was built from malformed input. Names the field and the rule it
 * broke, so the REST layer can answer with a problem that points at the field.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidValueException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
