package io.holdfast.app.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The console's pages are static files in the jar (static/console); its address leads to the cases. */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/cases.html");
        registry.addRedirectViewController("/console/", "/console/cases.html");
    }
}
