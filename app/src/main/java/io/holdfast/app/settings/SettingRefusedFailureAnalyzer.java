package io.holdfast.app.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for a setting ends with the sentence naming it, instead of a page of stack traces. */
public class SettingRefusedFailureAnalyzer extends AbstractFailureAnalyzer<SettingRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingRefused refused) {
        return new FailureAnalysis(
                "Holdfast refuses to start. " + refused.getMessage(),
                "Set " + refused.setting() + " as the sentence above says, then start Holdfast again.",
                null);
    }
}
