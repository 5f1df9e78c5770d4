package io.holdfast.kernel.freezecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of case event reaches the one reader method named for it. */
class CaseEventReaderTest {

    @Test
    void everyPermittedEventReachesItsOwnMethod() throws Exception {
        Class<?>[] kinds = CaseEvent.class.getPermittedSubclasses();
        assertThat(kinds).hasSize(CaseEventReader.class.getDeclaredMethods().length - 1);
        for (Class<?> kind : kinds) {
            List<String> called = new ArrayList<>();
            CaseEventReader recording = (CaseEventReader) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {CaseEventReader.class}, (proxy, method, args) -> {
                        called.add(method.getName());
                        return null;
                    });

            CaseEventReader.read(blank(kind), recording);

            String name = kind.getSimpleName();
            assertThat(called).as(name).containsExactly(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
    }

    /** An event of that kind with every component empty: only its type matters here. */
    private static CaseEvent blank(Class<?> kind) throws Exception {
        Class<?>[] types = Arrays.stream(kind.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = kind.getDeclaredConstructor(types);
        return (CaseEvent) canonical.newInstance(new Object[types.length]);
    }
}
