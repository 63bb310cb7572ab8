package io.microplatform.testsupport;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.env.EnumerablePropertySource;

/** Values computed when first read: the broker starts only in a context that asks for it. */
class LazyPropertySource extends EnumerablePropertySource<Map<String, Supplier<Object>>> {

    LazyPropertySource(String name, Map<String, Supplier<Object>> values) {
        super(name, Map.copyOf(values));
    }

    @Override
    public String[] getPropertyNames() {
        return getSource().keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        Supplier<Object> value = getSource().get(name);
        return value == null ? null : value.get();
    }

    @Override
    public boolean containsProperty(String name) {
        return getSource().containsKey(name);
    }
}
