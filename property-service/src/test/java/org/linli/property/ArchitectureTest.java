package org.linli.property;

import org.linli.platform.test.ArchitectureContract;

/** property-service keeps Linli's boundaries ({@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("property");
    }
}
