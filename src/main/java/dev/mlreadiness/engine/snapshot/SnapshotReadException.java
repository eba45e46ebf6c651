package dev.mlreadiness.engine.snapshot;

/** A file's content could not be read from its source (I/O, network, API error). Ends the evaluation. */
public class SnapshotReadException extends RuntimeException {

    public SnapshotReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
