package io.shieldfab.layout.geometry;

/**
 * An axis-aligned rectangle on the nanometre grid, on one layer.
 *
 * <pre>
 *   (minX,maxY) ┌──────┐ (maxX,maxY)
 *               │      │
 *   (minX,minY) └──────┘ (maxX,minY)
 * </pre>
 *
 * @param layer the layer it is drawn on
 * @param minX  left edge, nm
 * @param minY  bottom edge, nm
 * @param maxX  right edge, nm
 * @param maxY  top edge, nm
 */
public record Rect(Layer layer, long minX, long minY, long maxX, long maxY) implements Shape {

    public Rect {
        if (layer == null) {
            throw new IllegalArgumentException("layer is required");
        }
        if (maxX <= minX || maxY <= minY) {
            throw new IllegalArgumentException("empty rectangle " + minX + "," + minY + " " + maxX + "," + maxY);
        }
    }

    public long widthNm() {
        return maxX - minX;
    }

    public long heightNm() {
        return maxY - minY;
    }

    /** The same rectangle grown by {@code byNm} on every side (shrunk when negative). */
    public Rect enlarged(long byNm) {
        return new Rect(layer, minX - byNm, minY - byNm, maxX + byNm, maxY + byNm);
    }

    public Rect onLayer(Layer other) {
        return new Rect(other, minX, minY, maxX, maxY);
    }

    public Rect moved(long dxNm, long dyNm) {
        return new Rect(layer, minX + dxNm, minY + dyNm, maxX + dxNm, maxY + dyNm);
    }

    public boolean contains(Rect other) {
        return other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY;
    }

    @Override
    public int vertexCount() {
        return 4;
    }

    @Override
    public long x(int i) {
        return i == 0 || i == 3 ? minX : maxX;
    }

    @Override
    public long y(int i) {
        return i < 2 ? minY : maxY;
    }

    @Override
    public String toString() {
        return layer.gdsLayer() + ":[" + minX + "," + minY + " " + maxX + "," + maxY + "]";
    }
}
