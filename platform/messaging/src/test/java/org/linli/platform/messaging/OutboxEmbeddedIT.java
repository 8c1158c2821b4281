package org.linli.platform.messaging;

import org.linli.platform.test.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class OutboxEmbeddedIT extends OutboxContract {
}
