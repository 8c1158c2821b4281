package org.linli.platform.messaging;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Sorts a consumer's failures: transient ones (store or broker unreachable, timeouts) wait and retry forever. */
final class FailureKinds {

    private FailureKinds() {
    }

    /** Whether the failure, or one of its causes, says the infrastructure is unreachable or slow, not the record bad. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return false;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
