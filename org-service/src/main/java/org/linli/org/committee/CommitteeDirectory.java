package org.linli.org.committee;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features of org-service may know about owners' committees: a read-only view by id. */
@Component
public class CommitteeDirectory {

    private final OwnersCommitteeRepository committees;

    CommitteeDirectory(OwnersCommitteeRepository committees) {
        this.committees = committees;
    }

    public Optional<CommitteeView> find(String committeeId) {
        return committees.findById(committeeId)
                .map(committee -> new CommitteeView(committee.id(), committee.compoundId(), committee.communityUnitId(),
                        committee.communityPath()));
    }

    /** An owners' committee as other features see it. */
    public record CommitteeView(String id, String compoundId, String communityUnitId, String communityPath) {
    }
}
