package org.linli.property.assembly;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One owner's vote in a decision. Its id is the decision's and the voter's, so a second vote of the same owner —
 * through their account, on paper, or two requests at once — is refused by the store's unique id, not by a read
 * before the write. A paper ballot (纸质表决票) keeps its number and who entered it.
 *
 * @param enteredBy     the account that cast it (the owner) or entered it (the committee or an admin)
 * @param ballotNumber  the paper ballot's number; {@code null} for a vote through the owner's account
 */
@Document("assembly_ballots")
record Ballot(@Id String id, @Indexed String decisionId, String voterKey, Choice choice, Channel channel,
                     String ballotNumber, String enteredBy, String enteredByName, Instant castAt) {

    public Ballot {
        Objects.requireNonNull(decisionId);
        Objects.requireNonNull(voterKey);
        Objects.requireNonNull(choice);
    }

    static Ballot ownAccount(String decisionId, String voterKey, Choice choice, String accountId, String username,
                             Instant now) {
        return new Ballot(idOf(decisionId, voterKey), decisionId, voterKey, choice, Channel.OWN_ACCOUNT, null,
                accountId, username, now);
    }

    static Ballot paper(String decisionId, String voterKey, Choice choice, String ballotNumber, String accountId,
                        String username, Instant now) {
        return new Ballot(idOf(decisionId, voterKey), decisionId, voterKey, choice, Channel.PAPER, ballotNumber,
                accountId, username, now);
    }

    static String idOf(String decisionId, String voterKey) {
        return decisionId + "/" + voterKey;
    }

    /** 同意 / 反对 / 弃权: an abstention takes part but does not agree. */
    public enum Choice { AGREE, AGAINST, ABSTAIN }

    /** Through the owner's own account, or a paper ballot entered for them. */
    public enum Channel { OWN_ACCOUNT, PAPER }
}
