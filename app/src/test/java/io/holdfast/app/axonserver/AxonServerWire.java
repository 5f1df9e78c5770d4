package io.holdfast.app.axonserver;

import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import io.axoniq.axonserver.grpc.query.QueryUpdate;
import io.axoniq.axonserver.grpc.query.SubscriptionQuery;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.annotation.Nonnull;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.axonserver.connector.query.subscription.SubscriptionMessageSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.GenericStreamingQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.StreamingQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.serialization.Serializer;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Flux;

/**
 * Axon Server's wire without a server: every command, query, answer, update and refusal is turned
 * into the gRPC messages the Axon Server connector sends and read back from them, with the
 * connector's own serializers and Holdfast's message serializer, exactly as they are on the way
 * from the node that sends to the node that handles and back. A test that runs Holdfast's HTTP
 * suites with this configuration sees what a client of the {@code axonserver} profile sees.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AxonServerWire {

    /** The largest message, in bytes as serialized for gRPC, that crossed the wire so far. */
    public static final class LargestMessage {

        private final AtomicLong bytes = new AtomicLong();

        void saw(com.google.protobuf.MessageLite message) {
            bytes.accumulateAndGet(message.getSerializedSize(), Math::max);
        }

        public long bytes() {
            return bytes.get();
        }
    }

    @Bean
    LargestMessage largestMessage() {
        return new LargestMessage();
    }

    @Bean
    @Primary
    CommandBus commandsOverTheWire(
            @Qualifier("localSegment") CommandBus localSegment,
            @Qualifier("messageSerializer") Serializer messageSerializer,
            LargestMessage largest) {
        return new Commands(localSegment, new CommandSerializer(messageSerializer, connector()), largest);
    }

    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus localQueryBus(Configuration axon, TransactionManager transactions) {
        // as Axon's Axon Server auto-configuration builds the local part of its query bus
        SimpleQueryBus local = SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(transactions)
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return local;
    }

    @Bean
    @Primary
    QueryBus queriesOverTheWire(
            @Qualifier("localSegment") SimpleQueryBus localSegment,
            @Qualifier("messageSerializer") Serializer messageSerializer,
            Serializer serializer,
            LargestMessage largest) {
        return new Queries(
                localSegment,
                new QuerySerializer(messageSerializer, serializer, connector()),
                new SubscriptionMessageSerializer(messageSerializer, serializer, connector()),
                largest);
    }

    private static AxonServerConfiguration connector() {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("holdfast-wire-test");
        configuration.setComponentName("holdfast");
        return configuration;
    }

    /** What the sending node's and the handling node's connectors do to a command and its result. */
    public record Commands(CommandBus localSegment, CommandSerializer wire, LargestMessage largest)
            implements CommandBus {

        @Override
        public <C> void dispatch(@Nonnull CommandMessage<C> command) {
            dispatch(command, (message, result) -> {});
        }

        @Override
        public <C, R> void dispatch(
                @Nonnull CommandMessage<C> command, @Nonnull CommandCallback<? super C, ? super R> callback) {
            Command sent = wire.serialize(command, command.getCommandName(), 0);
            largest.saw(sent);
            @SuppressWarnings("unchecked")
            CommandMessage<Object> received = (CommandMessage<Object>) wire.deserialize(sent);
            String requestId = UUID.randomUUID().toString();
            localSegment.dispatch(received, (CommandCallback<Object, Object>) (message, result) -> {
                CommandResponse answered = wire.serialize(result, requestId);
                largest.saw(answered);
                CommandResultMessage<R> readBack = wire.deserialize(answered);
                callback.onResult(command, readBack);
            });
        }

        @Override
        public Registration subscribe(
                @Nonnull String commandName, @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
            return localSegment.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(
                @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            return localSegment.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            return localSegment.registerDispatchInterceptor(interceptor);
        }
    }

    /** What the asking node's and the answering node's connectors do to a query and its answers. */
    public record Queries(
            SimpleQueryBus localSegment,
            QuerySerializer wire,
            SubscriptionMessageSerializer subscriptions,
            LargestMessage largest)
            implements QueryBus {

        @Override
        public <R> Registration subscribe(
                @Nonnull String queryName,
                @Nonnull Type responseType,
                @Nonnull MessageHandler<? super QueryMessage<?, R>> handler) {
            return localSegment.subscribe(queryName, responseType, handler);
        }

        @Override
        public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(@Nonnull QueryMessage<Q, R> query) {
            QueryRequest sent = wire.serializeRequest(query, 1, TimeUnit.MINUTES.toMillis(1), 0);
            largest.saw(sent);
            QueryMessage<Q, R> received = wire.deserializeRequest(sent);
            return localSegment
                    .query(received)
                    .exceptionally(failure -> GenericQueryResponseMessage.asResponseMessage(
                            query.getResponseType().responseMessagePayloadType(), failure))
                    .thenApply(answer -> readBack(answer, sent.getMessageIdentifier(), query));
        }

        @Override
        public <Q, R> Publisher<QueryResponseMessage<R>> streamingQuery(StreamingQueryMessage<Q, R> query) {
            QueryRequest sent = wire.serializeRequest(query, Integer.MAX_VALUE, TimeUnit.MINUTES.toMillis(1), 0, true);
            QueryMessage<Q, Publisher<R>> request = wire.deserializeRequest(sent);
            StreamingQueryMessage<Q, R> received =
                    new GenericStreamingQueryMessage<>(request, request.getQueryName(), query.getResponseType());
            return Flux.from(localSegment.streamingQuery(received)).map(answer -> {
                QueryResponse answered = wire.serializeResponse(answer, sent.getMessageIdentifier());
                @SuppressWarnings("unchecked")
                QueryResponseMessage<R> readBack = (QueryResponseMessage<R>) wire.deserializeResponse(answered);
                return readBack;
            });
        }

        @Override
        public <Q, I, U>
                SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
                        @Nonnull SubscriptionQueryMessage<Q, I, U> query,
                        SubscriptionQueryBackpressure backpressure,
                        int updateBufferSize) {
            return subscriptionQuery(query, updateBufferSize);
        }

        @Override
        public <Q, I, U>
                SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
                        @Nonnull SubscriptionQueryMessage<Q, I, U> query, int updateBufferSize) {
            SubscriptionQuery sent = subscriptions.serialize(query);
            SubscriptionQueryMessage<Q, I, U> received = subscriptions.deserialize(sent);
            SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> handled =
                    localSegment.subscriptionQuery(received, updateBufferSize);
            String requestId = sent.getSubscriptionIdentifier();
            return new DefaultSubscriptionQueryResult<>(
                    handled.initialResult().map(answer -> {
                        QueryResponse answered = wire.serializeResponse(answer, requestId);
                        return subscriptions.<I>deserialize(answered);
                    }),
                    handled.updates().map(update -> {
                        QueryUpdate updated = subscriptions.serialize(update);
                        return subscriptions.<U>deserialize(updated);
                    }),
                    handled::cancel);
        }

        @Override
        public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(
                @Nonnull QueryMessage<Q, R> query, long timeout, @Nonnull TimeUnit unit) {
            throw new UnsupportedOperationException("Holdfast asks no scatter-gather queries");
        }

        @Override
        public QueryUpdateEmitter queryUpdateEmitter() {
            return localSegment.queryUpdateEmitter();
        }

        @Override
        public Registration registerHandlerInterceptor(
                @Nonnull MessageHandlerInterceptor<? super QueryMessage<?, ?>> interceptor) {
            return localSegment.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                @Nonnull MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
            return localSegment.registerDispatchInterceptor(interceptor);
        }

        private <R> QueryResponseMessage<R> readBack(
                QueryResponseMessage<?> answer, String requestId, QueryMessage<?, R> query) {
            QueryResponse answered = wire.serializeResponse(answer, requestId);
            largest.saw(answered);
            return wire.deserializeResponse(answered, query.getResponseType());
        }
    }
}
