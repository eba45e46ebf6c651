package dev.mlreadiness.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Standard output as {@link System#out} writes it (same descriptor, same encoding, same buffering), except that the
 * write error a print stream keeps to itself is kept here too, so the CLI can tell a reader that closed the pipe on
 * purpose ({@code readiness check . | head}) from a full disk.
 */
final class StandardOutput extends PrintStream {

    private final Recorder recorder;

    private StandardOutput(Recorder recorder, Charset charset) {
        // as the JDK builds System.out: a 128-byte buffer over the descriptor, flushed at each line
        super(new BufferedOutputStream(recorder, 128), true, charset);
        this.recorder = recorder;
    }

    /** Standard output of this process, in the encoding System.out uses. */
    static StandardOutput open() {
        return over(new FileOutputStream(FileDescriptor.out), charsetOf(System.out));
    }

    /** A print stream over any sink (tests: a sink that fails). */
    static StandardOutput over(OutputStream sink, Charset charset) {
        return new StandardOutput(new Recorder(sink), charset);
    }

    /** The last error a write or flush met, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /**
     * The charset a print stream encodes with: {@code PrintStream.charset()} from Java 18; on Java 17, which has no
     * such method, what System.out was made with there: {@code sun.stdout.encoding} if set and known, else the
     * default charset.
     */
    static Charset charsetOf(PrintStream stream) {
        try {
            return (Charset) PrintStream.class.getMethod("charset").invoke(stream);
        } catch (ReflectiveOperationException e) {
            String enc = System.getProperty("sun.stdout.encoding");
            if (enc != null && Charset.isSupported(enc)) {
                return Charset.forName(enc);
            }
            return Charset.defaultCharset();
        }
    }

    /** Passes everything through and remembers the last exception on its way up. */
    private static final class Recorder extends OutputStream {
        private final OutputStream sink;
        private volatile IOException failure;

        Recorder(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                sink.write(b);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                sink.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                sink.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
