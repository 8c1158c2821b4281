package org.linli.org.committee;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The county's candidate negative list (负面清单): who may not stand for an owners' committee, and why. */
@Service
class NegativeList {

    private final NegativeListRepository entries;
    private final CommitteeProperties properties;
    private final IdNumberHasher hasher;
    private final Clock clock;

    NegativeList(NegativeListRepository entries, CommitteeProperties properties, IdNumberHasher hasher, Clock clock) {
        this.entries = entries;
        this.properties = properties;
        this.hasher = hasher;
        this.clock = clock;
    }

    NegativeListEntry add(Caller caller, String name, String idNumber, String reason) {
        String hash = hasher.hash(idNumber);
        if (entries.existsByIdNumberHash(hash)) {
            throw new BusinessRuleViolation("already-on-negative-list", "the person is already on the negative list", name);
        }
        return entries.save(new NegativeListEntry(name, hash, reason, properties.today(clock), caller.accountId(),
                clock.instant()));
    }

    NegativeListEntry get(String id) {
        return entries.findById(id).orElseThrow(() -> new NotFoundException("negative-list-entry", id));
    }

    Page<NegativeListEntry> list(Pageable pageable) {
        return entries.findAll(pageable);
    }

    /** Refuses the slate if any candidate's ID number is listed, naming the first such candidate and the reason. */
    void refuseListed(List<Candidate> candidates) {
        List<String> hashes = candidates.stream().map(candidate -> hasher.hash(candidate.idNumber())).toList();
        Map<String, String> reasons = entries.findByIdNumberHashIn(hashes).stream()
                .collect(Collectors.toMap(NegativeListEntry::idNumberHash, NegativeListEntry::reason));
        for (int i = 0; i < candidates.size(); i++) {
            String reason = reasons.get(hashes.get(i));
            if (reason != null) {
                String name = candidates.get(i).name();
                throw new BusinessRuleViolation("candidate-on-negative-list",
                        "candidate " + name + " is on the negative list: " + reason, name, reason);
            }
        }
    }
}
