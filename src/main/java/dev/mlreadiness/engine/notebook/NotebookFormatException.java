package dev.mlreadiness.engine.notebook;

/** The bytes are not a notebook this reader understands; the message says why and where. */
public class NotebookFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
