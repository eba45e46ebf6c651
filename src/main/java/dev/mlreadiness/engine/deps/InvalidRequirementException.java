package dev.mlreadiness.engine.deps;

/** A requirement string that does not follow PEP 508; the message is ready for a {@link Problem}. */
class InvalidRequirementException extends Exception {

    InvalidRequirementException(String message) {
        super(message);
    }
}
