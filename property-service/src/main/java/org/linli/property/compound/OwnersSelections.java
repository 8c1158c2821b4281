package org.linli.property.compound;

/**
 * The owners' passed decisions selecting a company (Civil Code art. 278 item 4, 选聘), as a contract cites them.
 * Implemented by the assembly feature, so the compound does not depend on it.
 */
public interface OwnersSelections {

    /** The company the compound's passed decision selected; 404 or 422 when it is no such decision. */
    String passedSelection(String compoundId, String decisionId);
}
