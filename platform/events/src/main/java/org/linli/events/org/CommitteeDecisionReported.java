package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.DomainEvent;

/**
 * An owners' committee reported a major decision to its community in advance (事前报告).
 *
 * @param committeeId   the committee
 * @param decisionId    id of the decision within the committee
 * @param title         what was decided
 * @param takesEffectOn the day it takes effect, at least the configured notice period after reporting
 */
public record CommitteeDecisionReported(String committeeId, String decisionId, String title, LocalDate takesEffectOn)
        implements DomainEvent {
}
