package org.linli.issue;

import org.linli.platform.test.ArchitectureContract;

/** issue-service keeps Linli's boundaries ({@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("issue");
    }
}
