package org.linli.points;

import org.linli.platform.test.ArchitectureContract;

/** points-service keeps Linli's boundaries ({@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("points");
    }
}
