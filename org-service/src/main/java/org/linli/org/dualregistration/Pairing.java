package org.linli.org.dualregistration;

import org.springframework.data.mongodb.core.index.Indexed;

/**
 * A community a dual-registration unit is paired with, and that community's path (scope).
 *
 * @param communityId an org unit of type COMMUNITY_COMMITTEE
 * @param path        its path when the pairing was made
 */
public record Pairing(String communityId, @Indexed String path) {
}
