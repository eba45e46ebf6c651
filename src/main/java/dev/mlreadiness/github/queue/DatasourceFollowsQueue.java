package dev.mlreadiness.github.queue;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Makes the datasource active exactly when the PostgreSQL queue is chosen, unless {@code quarkus.datasource.active}
 * is set: the in-memory queue needs no database, and an active datasource would try to connect (and Flyway to
 * migrate) at start. One setting, {@code ml-readiness.queue=postgresql}, switches both.
 */
public class DatasourceFollowsQueue implements ConfigSourceInterceptor {

    static final String ACTIVE = "quarkus.datasource.active";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !ACTIVE.equals(name)) {
            return value;
        }
        ConfigValue queue = context.proceed("ml-readiness.queue");
        boolean postgres = queue != null && queue.getValue() != null
                && WorkQueues.POSTGRESQL.equalsIgnoreCase(queue.getValue().trim());
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(postgres))
                .withConfigSourceName("ml-readiness.queue").build();
    }
}
