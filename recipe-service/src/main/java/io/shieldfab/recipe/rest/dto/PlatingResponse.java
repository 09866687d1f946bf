package io.shieldfab.recipe.rest.dto;

/**
 * Result of the Faraday calculation.
 *
 * @param metal                 deposit
 * @param durationS             plating time, s
 * @param currentA              current, A
 * @param depositMassG          deposited mass, g
 * @param efficiency            efficiency used, 0–1
 * @param ampereHours           charge, A·h
 * @param depositionRateUmPerH  growth rate, µm/h
 * @param bath                  the bath and its window
 */
public record PlatingResponse(String metal, double durationS, double currentA, double depositMassG,
                              double efficiency, double ampereHours, double depositionRateUmPerH, Bath bath) {

    /**
     * @param name                     bath
     * @param temperatureC             default temperature, °C
     * @param minTemperatureC          window, °C
     * @param maxTemperatureC          window, °C
     * @param ph                       default pH
     * @param minPh                    window
     * @param maxPh                    window
     * @param minCurrentDensityAPerDm2 window, A/dm²
     * @param maxCurrentDensityAPerDm2 window, A/dm²
     */
    public record Bath(String name, double temperatureC, double minTemperatureC, double maxTemperatureC, double ph,
                       double minPh, double maxPh, double minCurrentDensityAPerDm2, double maxCurrentDensityAPerDm2) {
    }
}
