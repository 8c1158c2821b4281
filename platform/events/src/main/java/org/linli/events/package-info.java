/**
 * Linli's published language: the event envelope, topic names and the payload records each
 * service publishes (one sub-package per producer). Nothing here depends on Spring or on a
 * persistence model; consumers read these records, producers write them.
 */
package org.linli.events;
