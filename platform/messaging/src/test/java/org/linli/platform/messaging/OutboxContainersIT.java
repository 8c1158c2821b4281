package org.linli.platform.messaging;

import org.linli.platform.test.ContainerInfrastructure;

@ContainerInfrastructure
class OutboxContainersIT extends OutboxContract {
}
