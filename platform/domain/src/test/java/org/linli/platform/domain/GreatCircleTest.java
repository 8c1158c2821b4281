package org.linli.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** Known distances on the mean sphere, checked without Spring. */
class GreatCircleTest {

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(GreatCircle.metres(36.0, 113.4, 37.0, 113.4)).isCloseTo(111_195.0, offset(1.0))
                .isCloseTo(GreatCircle.METRES_PER_DEGREE, offset(1e-6));
        assertThat(GreatCircle.metres(0.0, 0.0, 0.0, 1.0)).as("a degree of longitude on the equator")
                .isCloseTo(GreatCircle.METRES_PER_DEGREE, offset(1e-6));
    }

    @Test
    void aDegreeOfLongitudeShrinksWithTheCosineOfTheLatitude() {
        assertThat(GreatCircle.metres(60.0, 10.0, 60.0, 10.001))
                .isCloseTo(0.001 * GreatCircle.METRES_PER_DEGREE * Math.cos(Math.toRadians(60)), offset(0.01));
    }

    @Test
    void measuresPointsMetresApartAndIsZeroForTheSamePoint() {
        assertThat(GreatCircle.metres(36.2, 113.4, 36.2, 113.4)).isZero();
        assertThat(GreatCircle.metres(36.2, 113.4, 36.2009, 113.4)).isCloseTo(100.08, offset(0.01));
        assertThat(GreatCircle.metres(36.2, 113.4, 36.20003, 113.4)).isCloseTo(3.34, offset(0.01));
    }

    @Test
    void measuresCitiesAndTheFarSideOfTheEarth() {
        // Beijing Tiananmen → Shanghai People's Square ≈ 1,067 km
        assertThat(GreatCircle.metres(39.9087, 116.3975, 31.2304, 121.4737)).isBetween(1_060_000.0, 1_075_000.0);
        assertThat(GreatCircle.metres(36.2, 113.4, -36.2, -66.6)).as("antipodes: half the circumference, not NaN")
                .isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_METRES, offset(0.01));
    }

    @Test
    void isSymmetric() {
        assertThat(GreatCircle.metres(32.01, 112.14, 32.05, 112.2))
                .isCloseTo(GreatCircle.metres(32.05, 112.2, 32.01, 112.14), offset(1e-9));
    }
}
