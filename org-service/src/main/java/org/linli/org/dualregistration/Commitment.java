package org.linli.org.dualregistration;

/** A promise a unit made to a paired community (承诺事项). */
public record Commitment(String communityId, String text) {
}
