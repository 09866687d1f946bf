package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.shielding.physics.Material;

import java.util.Map;

/**
 * A metal of the library.
 *
 * @param name                  enum name used in requests and designs
 * @param role                  DEPOSIT (claim 6) or MANDREL (claim 7)
 * @param conductivitySPerM     σ, S/m
 * @param relativeConductivity  σ relative to annealed copper
 * @param relativePermeability  μr at low frequency
 * @param permeabilityModel     for nickel: the frequency-dependent default curve
 * @param source                where the figures come from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaterialResponse(Material name, Material.Role role, double conductivitySPerM, double relativeConductivity,
                               double relativePermeability, PermeabilityModel permeabilityModel, String source) {

    /**
     * @param formula               the curve
     * @param initialPermeability   μi
     * @param relaxationFrequencyHz fr (Snoek's law)
     * @param example               μr at a few frequencies, for orientation
     */
    public record PermeabilityModel(String formula, double initialPermeability, double relaxationFrequencyHz,
                                    Map<String, Double> example) {
    }
}
