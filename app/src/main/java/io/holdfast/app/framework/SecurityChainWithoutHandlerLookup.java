package io.holdfast.app.framework;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;

/**
 * Spring Security 6.5 puts a filter in front of its chain that asks Spring MVC's handler mappings
 * which handler each request goes to, and keeps the answer for rules matched through Spring MVC
 * and for CORS. Holdfast's rules are path patterns ({@link SecurityConfiguration}) and it has no
 * CORS configuration, so that answer was worked out and thrown away at every request, the
 * {@code DispatcherServlet} then looking the handler up again (7 % of a request's CPU under load;
 * BENCHMARKS.md). Spring Security 7 no longer adds the filter; this takes it out of 6.5's chain. Were
 * a rule ever matched through Spring MVC again, it would still decide right, only more slowly.
 */
public final class SecurityChainWithoutHandlerLookup implements BeanFactoryPostProcessor {

    private static final String SECURITY_CHAIN = "springSecurityFilterChain";
    private static final String HANDLER_LOOKUP = "HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(SECURITY_CHAIN)) {
            return;
        }
        ValueHolder filters = beanFactory
                .getBeanDefinition(SECURITY_CHAIN)
                .getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        if (filters != null && filters.getValue() instanceof List<?> chain) {
            chain.removeIf(SecurityChainWithoutHandlerLookup::isHandlerLookup);
        }
    }

    private static boolean isHandlerLookup(Object filter) {
        return filter instanceof BeanDefinition definition
                && definition.getBeanClassName() != null
                && definition.getBeanClassName().endsWith(HANDLER_LOOKUP);
    }
}
