package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Reads file contents from GitHub, many in one round trip. */
public interface BlobSource {

    /** The contents of the files that exist; missing files are left out of the map. */
    Map<BlobKey, byte[]> read(Collection<BlobKey> keys) throws IOException;
}
