package io.shieldfab.layout.service;

/** No layout with the requested id. Mapped to 404. */
public class LayoutNotFoundException extends RuntimeException {

    public LayoutNotFoundException(String id) {
        super("No layout with id " + id + ".");
    }
}
