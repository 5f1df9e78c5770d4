package io.holdfast.query.performance;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models' shared plumbing. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelWrites readModelWrites(DataSource dataSource) {
        return ReadModelWrites.inSavepoints(dataSource);
    }
}
