package dev.mlreadiness.engine.python;

import java.util.Locale;

import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * Source with more than {@link InputLimits#MAX_PYTHON_TOKENS} tokens: the file is not read as code (its tokens
 * alone would take hundreds of megabytes), and the reader says so as the reason it was skipped.
 */
public final class TooManyTokensException extends RuntimeException {

    TooManyTokensException() {
        super(String.format(Locale.ROOT, "more than %,d Python tokens (see docs/limits.md): not analysed as code",
                InputLimits.MAX_PYTHON_TOKENS), null, false, false);
    }
}
