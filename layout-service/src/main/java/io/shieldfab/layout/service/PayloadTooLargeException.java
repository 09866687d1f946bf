package io.shieldfab.layout.service;

/** A request body over the configured size. Mapped to 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
