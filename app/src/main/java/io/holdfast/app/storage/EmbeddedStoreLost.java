package io.holdfast.app.storage;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded store lost commits it had shown; the Holdfast of this context must start again. */
public final class EmbeddedStoreLost extends ApplicationEvent {

    private final java.nio.file.Path storeFolder;

    public EmbeddedStoreLost(ConfigurableApplicationContext holdfast, java.nio.file.Path storeFolder) {
        super(holdfast);
        this.storeFolder = storeFolder;
    }

    /** The folder the store's file is in, whose disk failed it. */
    public java.nio.file.Path storeFolder() {
        return storeFolder;
    }

    public ConfigurableApplicationContext holdfast() {
        return (ConfigurableApplicationContext) getSource();
    }
}
