package org.linli.grid.copies;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read-only view of the party-member read copies for other features of grid-service (station duty rosters). */
@Component
public class KnownPartyMembers {

    private final PartyMemberCopies copies;

    KnownPartyMembers(PartyMemberCopies copies) {
        this.copies = copies;
    }

    /** The member, once its registration has arrived. */
    public Optional<KnownPartyMember> find(String memberId) {
        return copies.find(memberId).filter(PartyMemberCopy::registered)
                .map(copy -> new KnownPartyMember(copy.id(), copy.name(), copy.kind(), copy.branchId(), copy.unitPath(),
                        copy.residenceCommunityId()));
    }

    /**
     * A party member as grid-service knows it.
     *
     * @param unitPath             path of the member's branch, {@code /root/…/branchId/}
     * @param residenceCommunityId the community an in-service member (在职党员) registered at (双报到), else {@code null}
     */
    public record KnownPartyMember(String id, String name, String kind, String branchId, String unitPath,
                                   String residenceCommunityId) {

        /**
         * Whether the member serves in the community with this id and path: the branch lies in it, or an
         * in-service member registered there (双报到).
         */
        public boolean servesIn(String communityUnitId, String communityPath) {
            return (unitPath != null && unitPath.startsWith(communityPath))
                    || (residenceCommunityId != null && residenceCommunityId.equals(communityUnitId));
        }
    }
}
