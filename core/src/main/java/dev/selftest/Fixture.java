package dev.selftest;

import org.apiguardian.api.API;

/**
 * A reusable piece of setup, such as "a customer with a cart", that scenarios share through
 * {@link ScenarioContext#use}. It creates its data with {@link ScenarioContext#testDataName} names and registers
 * the removal with {@link ScenarioContext#cleanup} or {@link ScenarioContext#track}, so it is torn down with the
 * scenario that used it.
 *
 * @param <T> what the scenario gets back (ids, a handle)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Fixture<T> {

    /** A short name, reported as the step {@code fixture <name>}. */
    String name();

    T create(ScenarioContext context) throws Exception;

    /** A fixture from a name and a function. */
    static <T> Fixture<T> of(String name, Factory<T> factory) {
        return new Fixture<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public T create(ScenarioContext context) throws Exception {
                return factory.create(context);
            }
        };
    }

    /** The work of a fixture. */
    @FunctionalInterface
    interface Factory<T> {
        T create(ScenarioContext context) throws Exception;
    }
}
