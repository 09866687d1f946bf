package io.shieldfab.layout.geometry;

/**
 * A closed polygon on the nanometre grid, listed counter-clockwise without repeating the first vertex.
 * Writers read vertices by index so that they can translate them without allocating.
 */
public sealed interface Shape permits Rect, Poly {

    Layer layer();

    int vertexCount();

    /** x of vertex {@code i}, nm. */
    long x(int i);

    /** y of vertex {@code i}, nm. */
    long y(int i);
}
