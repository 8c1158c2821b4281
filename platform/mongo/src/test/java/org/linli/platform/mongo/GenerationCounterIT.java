package org.linli.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = MongoTestApplication.class)
@EmbeddedInfrastructure
class GenerationCounterIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void anUncachedCounterSeesAnotherInstancesBumpAtOnce() {
        GenerationCounter here = new GenerationCounter(mongo, "uncached", Duration.ZERO);
        GenerationCounter elsewhere = new GenerationCounter(mongo, "uncached", Duration.ZERO);
        assertThat(here.current()).isZero();

        elsewhere.bump();

        assertThat(here.current()).isEqualTo(1);
    }

    @Test
    void aCachedCounterSeesItsOwnBumpAtOnceAndAnotherInstancesWhenTheCacheExpires() throws InterruptedException {
        // the first write creates the collection: in a cold JVM on a busy machine that alone outlasted a 300 ms cache
        new GenerationCounter(mongo, "warm-up", Duration.ZERO).bump();
        GenerationCounter here = new GenerationCounter(mongo, "cached", Duration.ofSeconds(2));
        GenerationCounter elsewhere = new GenerationCounter(mongo, "cached", Duration.ZERO);
        assertThat(here.current()).isZero();

        elsewhere.bump();
        assertThat(here.current()).isZero();
        Thread.sleep(2_100);
        assertThat(here.current()).isEqualTo(1);

        assertThat(here.bump()).isEqualTo(2);
        assertThat(here.current()).isEqualTo(2);
    }
}
