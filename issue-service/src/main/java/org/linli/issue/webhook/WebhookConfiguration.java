package org.linli.issue.webhook;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Binds {@code linli.webhooks.*}, the target policy, and schedules the sender (scheduling is on in issue-service). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    TargetPolicy webhookTargetPolicy(WebhookSettings settings) {
        return new TargetPolicy(settings.allowedSchemes(), settings.allowedHosts());
    }

    /** Every {@code linli.webhooks.send-interval}, until nothing due is left; off with sender-enabled=false. */
    @Component
    @ConditionalOnProperty(name = "linli.webhooks.sender-enabled", havingValue = "true", matchIfMissing = true)
    static class ScheduledSender {

        private final WebhookSender sender;
        private final WebhookSettings settings;

        ScheduledSender(WebhookSender sender, WebhookSettings settings) {
            this.sender = sender;
            this.settings = settings;
        }

        @SchedulerLock(name = "issue.webhook-delivery")
        @Scheduled(fixedDelayString = "${linli.webhooks.send-interval:5s}", initialDelayString = "${linli.webhooks.send-interval:5s}")
        void send() {
            while (sender.sendDue() >= settings.batch()) {
                // a backlog: keep going
            }
        }
    }
}
