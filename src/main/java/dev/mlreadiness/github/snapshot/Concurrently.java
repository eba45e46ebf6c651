package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** GitHub requests that run side by side, with their IOExceptions carried back to the caller. */
public final class Concurrently {

    private Concurrently() {
    }

    /** A request that may fail with an IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    public static <T> CompletableFuture<T> supply(IoSupplier<T> s, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return s.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** The result, or the request's own IOException (runtime failures are rethrown as they are). */
    public static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
