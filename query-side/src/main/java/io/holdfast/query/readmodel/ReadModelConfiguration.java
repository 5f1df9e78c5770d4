package io.holdfast.query.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import javax.sql.DataSource;

/** The read models' shared plumbing. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelWrites readModelWrites(DataSource dataSource) {
        return ReadModelWrites.inSavepoints(dataSource);
    }
}
