package org.linli.points.activity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Finishes the credits of confirmed activities that a crash interrupted (each credit applies once). */
@Component
class ActivitySweeper {

    private final ActivityService activities;

    ActivitySweeper(ActivityService activities) {
        this.activities = activities;
    }

    @SchedulerLock(name = "points.activity-settlement")
    @Scheduled(fixedDelayString = "${linli.points.activities.settle-interval:60s}")
    void settle() {
        activities.settleInterrupted();
    }
}
