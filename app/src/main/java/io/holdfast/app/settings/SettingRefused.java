package io.holdfast.app.settings;

/**
 * Holdfast refuses to start because of one setting: {@code setting} names it as an environment
 * variable, {@code sentence} says what is wrong with it and what to set. Thrown before any store is
 * opened, and reported in one sentence, without a stack trace.
 */
public class SettingRefused extends IllegalStateException {

    private final String setting;

    public SettingRefused(String setting, String sentence) {
        super(setting + ": " + sentence);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
