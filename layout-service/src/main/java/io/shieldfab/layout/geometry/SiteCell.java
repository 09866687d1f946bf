package io.shieldfab.layout.geometry;

import java.util.List;

/**
 * The geometry of one site, relative to the site's lower-left corner; the panel places it
 * {@code rows × columns} times at the pitch.
 *
 * @param cavity    inner cavity (depression bottom, layer 3)
 * @param recess    mandrel recess = outer outline of the depression (layer 2)
 * @param shapes    every shape of the site, in a fixed order: recess, bottom, walls, openings, pads
 * @param padsFit   whether the bonding pads fit on the land between wall and kerf (else they are omitted)
 */
public record SiteCell(Rect cavity, Rect recess, List<Shape> shapes, boolean padsFit) {

    public SiteCell {
        shapes = List.copyOf(shapes);
    }

    public long count(Layer layer) {
        return shapes.stream().filter(s -> s.layer() == layer).count();
    }
}
