package org.linli.points.ledger;

import org.linli.platform.domain.BusinessRuleViolation;

/** A debit larger than the balance: refused, nothing written (422 {@code insufficient-points}). */
public class InsufficientPoints extends BusinessRuleViolation {

    public InsufficientPoints(long balance, long amount) {
        super("insufficient-points", "the balance " + balance + " does not cover " + amount + " points", balance, amount);
    }
}
