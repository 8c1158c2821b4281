package org.linli.points.communitylist;

import java.util.List;
import org.linli.points.activity.Activity;

/**
 * What points-service recorded of one community's volunteering in a month, the measures of the community red and
 * black lists: the activities held (confirmed, starting in the month), the attendances (a person attending one of
 * them: signed up, checked in and out), the volunteer minutes that stand (those of attendees who do not dispute their
 * hours, as credited) and the no-shows (signed up for a place, never checked in, 未到场).
 */
record CommunityFigures(String communityUnitId, String communityName, int activities, int attendances,
                        long volunteerMinutes, int noShows) {

    /** Tallies the month's confirmed activities of the community. */
    static CommunityFigures of(String communityUnitId, String communityName, List<Activity> heldInTheMonth) {
        int attendances = 0;
        long minutes = 0;
        int noShows = 0;
        for (Activity activity : heldInTheMonth) {
            attendances += activity.attendees().size();
            minutes += activity.creditable().stream().mapToLong(Activity.Participant::minutes).sum();
            noShows += activity.noShows().size();
        }
        return new CommunityFigures(communityUnitId, communityName, heldInTheMonth.size(), attendances, minutes,
                noShows);
    }

    /** No-shows per thousand of those who held a place (attended or not); 0 when no one held one. */
    int noShowPermille() {
        int places = attendances + noShows;
        return places == 0 ? 0 : (int) (1000L * noShows / places);
    }
}
