package dev.mlreadiness.cli;

/**
 * A problem with what the user asked for (arguments, the folder, a git ref, the config): the CLI prints the
 * message on one line and exits with code 2, never a stack trace.
 */
public class InputException extends Exception {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
