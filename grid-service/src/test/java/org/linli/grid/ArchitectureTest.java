package org.linli.grid;

import org.linli.platform.test.ArchitectureContract;

/** grid-service keeps Linli's boundaries ({@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("grid");
    }
}
