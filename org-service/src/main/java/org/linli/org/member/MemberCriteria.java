package org.linli.org.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/** The query pieces the member queries share: active members, and members within a subtree. */
final class MemberCriteria {

    private MemberCriteria() {
    }

    static Criteria active() {
        return where("status").is(PartyMember.Status.ACTIVE);
    }

    /** Members whose branch lies in the subtree with this path (an indexed prefix match). */
    static Criteria inSubtree(String path) {
        return where("unitPath").regex("^" + Pattern.quote(path));
    }
}
