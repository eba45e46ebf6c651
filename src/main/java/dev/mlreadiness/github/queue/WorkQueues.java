package dev.mlreadiness.github.queue;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Chooses the work queue at start: in memory (the default: one replica, nothing to set up) or in PostgreSQL
 * ({@code ml-readiness.queue=postgresql} and the {@code quarkus.datasource.*} settings: several replicas share
 * it). The datasource is resolved only for PostgreSQL: it is inactive otherwise ({@link DatasourceFollowsQueue}).
 */
@ApplicationScoped
public class WorkQueues {

    private static final Logger LOG = Logger.getLogger(WorkQueues.class);
    public static final String POSTGRESQL = "postgresql";
    public static final String MEMORY = "memory";

    private final boolean postgres;
    private final QueueSettings settings;
    private final Instance<InMemoryWorkQueue> memory;
    private final Instance<AgroalDataSource> datasource;
    private final BatchRunner runner;
    private final MeterRegistry metrics;
    private final Instance<CompleteAbandonedRuns> abandoned;
    private PostgresWorkQueue pg;
    private InMemoryWorkQueue mem;

    WorkQueues(QueueSettings settings, Instance<InMemoryWorkQueue> memory, Instance<AgroalDataSource> datasource,
            BatchRunner runner, MeterRegistry metrics, Instance<CompleteAbandonedRuns> abandoned) {
        String backend = settings.backend();
        String b = backend.trim().toLowerCase(Locale.ROOT);
        if (!b.equals(MEMORY) && !b.equals(POSTGRESQL)) {
            throw new IllegalArgumentException(
                    "ml-readiness.queue is '" + backend + "': it must be memory (the default) or postgresql");
        }
        this.postgres = b.equals(POSTGRESQL);
        this.settings = settings;
        this.memory = memory;
        this.datasource = datasource;
        this.runner = runner;
        this.metrics = metrics;
        this.abandoned = abandoned;
    }

    /** Whether the queue is kept in PostgreSQL. */
    public boolean postgres() {
        return postgres;
    }

    /** The datasource of the PostgreSQL queue; only when {@link #postgres()}. */
    public AgroalDataSource datasource() {
        if (!postgres) {
            throw new IllegalStateException("the datasource is inactive: ml-readiness.queue is not postgresql");
        }
        return datasource.get();
    }

    @Produces
    @ApplicationScoped
    synchronized WorkQueue produce() {
        return queue();
    }

    /** The queue itself (the producer's bean is a proxy of it). */
    synchronized WorkQueue queue() {
        if (!postgres) {
            mem = memory.get();
            return mem;
        }
        if (pg == null) {
            String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
            pg = new PostgresWorkQueue(datasource(), runner, PostgresWorkQueue.Settings.of(settings), owner, metrics,
                    abandoned.get()).start();
            LOG.infof("work queue: PostgreSQL, replica %s, %d workers, lease %s", owner, settings.workers(),
                    settings.lease());
        }
        return pg;
    }

    @Produces
    @ApplicationScoped
    RecentDeliveries deliveries() {
        return postgres ? new PostgresDeliveries(datasource()) : new RecentDeliveries();
    }

    /** With PostgreSQL the workers start with the app: jobs queued by other replicas, or left by a dead one, wait. */
    void onStart(@Observes StartupEvent event) {
        if (postgres) {
            queue();
        }
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (pg != null) {
            pg.stop(settings.shutdownGrace());
        }
        if (mem != null) {
            mem.stop();
        }
    }
}
