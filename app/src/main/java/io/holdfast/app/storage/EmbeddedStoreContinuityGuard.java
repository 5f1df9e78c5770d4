package io.holdfast.app.storage;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Puts the embedded store's pool behind {@link EmbeddedStoreContinuity}, last of the data source's
 * post-processors, and turns a loss into {@link EmbeddedStoreLost}.
 */
class EmbeddedStoreContinuityGuard
        implements BeanPostProcessor,
                ApplicationContextAware,
                Ordered,
                org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreContinuityGuard.class);

    private volatile ConfigurableApplicationContext holdfast;
    private final java.util.List<EmbeddedStoreContinuity> guarded = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.holdfast = (ConfigurableApplicationContext) context;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DataSource pool && !(bean instanceof EmbeddedStoreContinuity)) {
            EmbeddedStoreContinuity continuity = new EmbeddedStoreContinuity(pool, this::reportLoss);
            guarded.add(continuity);
            return continuity;
        }
        return bean;
    }

    /** Holdfast closes: what guards its store lets go of it and of Holdfast, whoever still holds the guard. */
    @Override
    public void destroy() {
        guarded.forEach(EmbeddedStoreContinuity::forget);
        guarded.clear();
        holdfast = null;
    }

    private void reportLoss(java.nio.file.Path storeFolder) {
        ConfigurableApplicationContext holdfast = this.holdfast;
        if (holdfast == null) {
            return;
        }
        log.error("The embedded store failed to write its file and was opened again without commits it had already"
                + " shown: Holdfast refuses all work and starts again from what the file holds");
        holdfast.publishEvent(new EmbeddedStoreLost(holdfast, storeFolder));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
