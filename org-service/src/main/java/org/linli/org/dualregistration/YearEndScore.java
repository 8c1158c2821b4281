package org.linli.org.dualregistration;

/** The score (0 to 100) a paired community gave a unit for a year. */
public record YearEndScore(int year, String communityId, int score) {
}
