package org.linli.org;

import org.linli.platform.test.ArchitectureContract;

/** org-service keeps Linli's boundaries ({@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("org");
    }
}
