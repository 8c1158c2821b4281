package org.linli.platform.mongo;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Just a store: what the helpers of this module need to be tried against. */
@SpringBootApplication
class MongoTestApplication {
}
