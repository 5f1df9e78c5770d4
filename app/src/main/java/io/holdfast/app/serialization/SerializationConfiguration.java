package io.holdfast.app.serialization;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.kernel.audit.AuditEntry;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Stored events, snapshots, tokens and sagas are written as JSON by a mapper of their own, so that
 * tuning the REST API's JSON can never change how years of stored facts are read. XStream is
 * never used.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    /** The one JSON dialect of everything Holdfast stores. Instants as ISO-8601 strings. */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // newer revisions may add fields; old readers must not choke on them
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static Serializer jackson(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(storageMapper())
                .revisionResolver(revisionResolver)
                .defaultTyping()
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    /**
     * Commands, queries and their answers as they cross Axon Server. An audit entry's stored
     * payload and metadata travel as the text they are, so they read back exactly; to a client
     * they are written as the JSON objects they hold.
     */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        ObjectMapper wire = storageMapper();
        wire.addMixIn(AuditEntry.class, AuditEntryOnTheWire.class);
        return JacksonSerializer.builder()
                .objectMapper(wire)
                .revisionResolver(revisionResolver)
                .defaultTyping()
                .build();
    }

    private interface AuditEntryOnTheWire {
        @JsonRawValue(false)
        String payload();

        @JsonRawValue(false)
        String metadata();
    }
}
