package io.holdfast.app.serialization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.audit.AuditEntry;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Stored events, snapshots, tokens and deadlines are written as plain JSON by a mapper of their
 * own, so that tuning the REST API's JSON can never change how years of stored facts are read:
 * each under its stored name ({@link StoredTypeNames}) and revision, with no Java type ids
 * (Jackson's default typing is off everywhere) and no values derived from others. XStream is never
 * used.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    /** The one JSON dialect of everything Holdfast stores. Instants as ISO-8601 strings. */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ReleaseZeroOneCollections())
                .addMixIn(Actor.class, ActorAsStored.class)
                .addMixIn(ScopeItem.class, ScopeItemAsStored.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // newer revisions may add fields; old readers must not choke on them
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Whether an actor is a liaison follows from the role: a fact is stored once. */
    private interface ActorAsStored {
        @JsonIgnore
        boolean isLiaison();
    }

    /** Whether a scope item is limited follows from its maximum. */
    private interface ScopeItemAsStored {
        @JsonIgnore
        boolean isLimited();
    }

    private static Serializer storedRecords(ObjectMapper mapper, RevisionResolver revisionResolver) {
        return new StoredRecordSerializer(
                JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisionResolver));
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return storedRecords(storageMapper(), revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver) {
        return storedRecords(storageMapper(), revisionResolver);
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
        return storedRecords(wire, revisionResolver);
    }

    private interface AuditEntryOnTheWire {
        @JsonRawValue(false)
        String payload();

        @JsonRawValue(false)
        String metadata();
    }
}
