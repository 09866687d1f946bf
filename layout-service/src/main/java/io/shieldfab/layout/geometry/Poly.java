package io.shieldfab.layout.geometry;

import java.util.Arrays;

/**
 * A simple polygon on the nanometre grid (used where a rectangle will not do, e.g. fiducial crosses and
 * the pieces JTS returns).
 *
 * @param layer the layer it is drawn on
 * @param xs    vertex x coordinates, nm, counter-clockwise, first vertex not repeated
 * @param ys    vertex y coordinates, nm
 */
public record Poly(Layer layer, long[] xs, long[] ys) implements Shape {

    public Poly {
        if (layer == null || xs == null || ys == null || xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs a layer and at least three vertices");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    @Override
    public int vertexCount() {
        return xs.length;
    }

    @Override
    public long x(int i) {
        return xs[i];
    }

    @Override
    public long y(int i) {
        return ys[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poly p && p.layer == layer && Arrays.equals(p.xs, xs) && Arrays.equals(p.ys, ys);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer.hashCode() + Arrays.hashCode(xs)) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(layer.gdsLayer()).append(":(");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(xs[i]).append(',').append(ys[i]);
        }
        return sb.append(')').toString();
    }
}
