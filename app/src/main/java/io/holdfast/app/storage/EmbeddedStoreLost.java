package io.holdfast.app.storage;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded store lost commits it had shown; the Holdfast of this context must start again. */
public final class EmbeddedStoreLost extends ApplicationEvent {

    public EmbeddedStoreLost(ConfigurableApplicationContext holdfast) {
        super(holdfast);
    }

    public ConfigurableApplicationContext holdfast() {
        return (ConfigurableApplicationContext) getSource();
    }
}
