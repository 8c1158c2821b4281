package org.linli.grid.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.linli.grid.station.Stations.NOW;
import static org.linli.grid.station.Stations.PLACE;
import static org.linli.grid.station.Stations.SOUTH;
import static org.linli.grid.station.Stations.TODAY;
import static org.linli.grid.station.Stations.WEST;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.grid.station.OpeningHours.Period;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;

class StationTest {

    @Test
    void opensInsideItsGridIncludingOnTheBorderAndRefusesAPointOutside() {
        assertThat(Station.open(PLACE, Stations.description(SOUTH, WEST + 0.005), NOW).location().lat()).isEqualTo(SOUTH);
        assertThatThrownBy(() -> Station.open(PLACE, Stations.description(SOUTH - 0.0001, WEST + 0.005), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("station-outside-grid"));
        Station station = Stations.station();
        assertThatThrownBy(() -> station.describe(PLACE, new Station.Description(null, null,
                new Station.Location(SOUTH + 0.03, WEST), null, null, null, null), NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("station-outside-grid"));
        assertThat(station.location()).isEqualTo(new Station.Location(SOUTH + 0.01, WEST + 0.01));
    }

    @Test
    void promotionToThreeStarsNeedsAllEightHavesAndNamesTheMissingOnes() {
        Station station = Stations.station();
        station.assess(EnumSet.complementOf(EnumSet.of(EightHave.FUNDING)), NOW);

        assertThatThrownBy(() -> station.changeStars(3, "申报三星", TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("eight-haves-incomplete");
                    assertThat(e.arguments()).containsExactly(3, 8, 7, "有经费保障");
                });
        assertThat(station.stars()).isZero();

        Station.StarChange change = station.changeStars(2, "七项达标", TODAY.minusDays(3), TODAY, NOW);
        assertThat(change.kind()).isEqualTo(StarChangeKind.PROMOTION);
        assertThat(station.eightHavesShare()).isEqualTo(0.875);
        station.assess(EnumSet.allOf(EightHave.class), NOW);
        station.changeStars(4, "八有全部达标", TODAY, TODAY, NOW);
        assertThat(station.stars()).isEqualTo(4);
        assertThat(station.meetsStarStandard()).isTrue();
    }

    @Test
    void promotionToOneStarNeedsSixItemsButDemotionAndRemovalNeedNone() {
        Station station = Stations.station();
        station.assess(EnumSet.of(EightHave.CODE, EightHave.SIGN, EightHave.FACILITIES, EightHave.RULES, EightHave.TEAM),
                NOW);
        assertThatThrownBy(() -> station.changeStars(1, "申报一星", TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("eight-haves-incomplete"));
        station.assess(EnumSet.of(EightHave.CODE, EightHave.SIGN, EightHave.FACILITIES, EightHave.RULES, EightHave.TEAM,
                EightHave.SERVICE), NOW);
        station.changeStars(2, "六项达标", TODAY.minusDays(20), TODAY, NOW);

        station.assess(EnumSet.of(EightHave.CODE), NOW);
        assertThat(station.meetsStarStandard()).isFalse();
        assertThat(station.changeStars(1, "服务队伍流失", TODAY.minusDays(10), TODAY, NOW).kind())
                .isEqualTo(StarChangeKind.DEMOTION);
        assertThat(station.changeStars(0, "停止运营", TODAY, TODAY, NOW).kind()).isEqualTo(StarChangeKind.REMOVAL);
        assertThat(station.meetsStarStandard()).isTrue();
        assertThat(station.starHistory()).extracting(Station.StarChange::from, Station.StarChange::to)
                .containsExactly(tuple(0, 2), tuple(2, 1),
                        tuple(1, 0));
    }

    @Test
    void refusesAStarChangeToTheSameLevelInTheFutureOrBeforeTheLastChange() {
        Station station = Stations.station();
        station.assess(EnumSet.allOf(EightHave.class), NOW);
        assertThat(codeOf(() -> station.changeStars(0, "无变化", TODAY, TODAY, NOW))).isEqualTo("invalid-star-change");
        assertThat(codeOf(() -> station.changeStars(6, "六星", TODAY, TODAY, NOW))).isEqualTo("invalid-star-level");
        assertThat(codeOf(() -> station.changeStars(1, "明天", TODAY.plusDays(1), TODAY, NOW)))
                .isEqualTo("invalid-star-date");
        assertThat(codeOf(() -> station.changeStars(1, " ", TODAY, TODAY, NOW))).isEqualTo("star-reason-required");
        station.changeStars(3, "验收", TODAY.minusDays(5), TODAY, NOW);
        assertThat(codeOf(() -> station.changeStars(2, "补录", TODAY.minusDays(6), TODAY, NOW)))
                .isEqualTo("invalid-star-date");
        assertThat(station.starHistory()).hasSize(1);
    }

    @Test
    void putsMembersOfTheCommunityOrRegisteredThereOnDutyOncePerDateAndPost() {
        Station station = Stations.station();
        Station.Duty duty = station.addDuty(TODAY.plusDays(1), Stations.member("m1", "/street-1/community-1/branch-1/", null),
                DutyPost.MEDIATION, "调解室", TODAY, NOW);
        assertThat(duty.memberName()).isEqualTo("党员m1");
        station.addDuty(TODAY.plusDays(1), Stations.member("m2", "/street-9/elsewhere/branch/", "community-1"),
                DutyPost.SAFETY, null, TODAY, NOW);
        station.addDuty(TODAY.plusDays(1), Stations.member("m1", "/street-1/community-1/branch-1/", null),
                DutyPost.HYGIENE, null, TODAY, NOW);

        assertThat(codeOf(() -> station.addDuty(TODAY.plusDays(1), Stations.member("m1",
                "/street-1/community-1/branch-1/", null), DutyPost.MEDIATION, null, TODAY, NOW))).isEqualTo("duplicate-duty");
        assertThat(codeOf(() -> station.addDuty(TODAY, Stations.member("m3", "/street-1/community-2/branch/", null),
                DutyPost.SAFETY, null, TODAY, NOW))).isEqualTo("member-outside-community");
        assertThat(codeOf(() -> station.addDuty(TODAY.plusDays(91), Stations.member("m1",
                "/street-1/community-1/branch-1/", null), DutyPost.SAFETY, null, TODAY, NOW)))
                .isEqualTo("duty-date-out-of-range");
        assertThat(codeOf(() -> station.addDuty(TODAY.minusDays(31), Stations.member("m1",
                "/street-1/community-1/branch-1/", null), DutyPost.SAFETY, null, TODAY, NOW)))
                .isEqualTo("duty-date-out-of-range");
        assertThat(station.duties()).hasSize(3);

        station.removeDuty(duty.id(), NOW);
        assertThat(station.duties()).hasSize(2).noneMatch(d -> d.id().equals(duty.id()));
        assertThatThrownBy(() -> station.removeDuty(duty.id(), NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void dropsShiftsOlderThanHalfAYearWhenTheRosterChanges() {
        Station station = Stations.station();
        station.addDuty(TODAY.minusDays(20), Stations.member("m1", "/street-1/community-1/b/", null), DutyPost.SAFETY,
                null, TODAY, NOW);
        station.addDuty(TODAY.plusDays(200), Stations.member("m1", "/street-1/community-1/b/", null), DutyPost.SAFETY,
                null, TODAY.plusDays(170), NOW);
        assertThat(station.duties()).hasSize(1).allMatch(duty -> duty.date().equals(TODAY.plusDays(200)));
    }

    @Test
    void validatesOpeningHoursAndTellsWhetherItIsOpen() {
        OpeningHours hours = OpeningHours.of(List.of(
                new Period(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)),
                new Period(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(12, 0))));
        assertThat(hours.periods().get(0).opens()).isEqualTo(LocalTime.of(8, 30));
        LocalDateTime monday = LocalDateTime.of(2026, 11, 23, 9, 0);
        assertThat(hours.openAt(monday)).isTrue();
        assertThat(hours.openAt(monday.withHour(12))).isFalse();
        assertThat(hours.openAt(monday.plusDays(1))).isFalse();
        assertThat(OpeningHours.of(List.of()).openAt(monday)).isNull();

        assertThat(codeOf(() -> OpeningHours.of(List.of(new Period(DayOfWeek.MONDAY, LocalTime.of(18, 0),
                LocalTime.of(8, 0)))))).isEqualTo("invalid-opening-hours");
        assertThat(codeOf(() -> OpeningHours.of(List.of(
                new Period(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new Period(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)))))).isEqualTo("invalid-opening-hours");
    }

    @Test
    void anOtherServiceSaysWhatItIsAndDuplicatesAreDropped() {
        Station station = Stations.station();
        assertThat(codeOf(() -> station.describe(PLACE, new Station.Description(null, null, null, null, null,
                List.of(new Station.OfferedService(Amenity.OTHER, " ")), null), NOW))).isEqualTo("other-service-needs-text");
        station.describe(PLACE, new Station.Description(null, null, null, null, null, List.of(
                new Station.OfferedService(Amenity.PARCELS, "ignored"), new Station.OfferedService(Amenity.PARCELS, null),
                new Station.OfferedService(Amenity.OTHER, "代缴水电费")), null), NOW);
        assertThat(station.services()).containsExactly(new Station.OfferedService(Amenity.PARCELS, null),
                new Station.OfferedService(Amenity.OTHER, "代缴水电费"));
        assertThat(codeOf(() -> station.describe(PLACE, new Station.Description(null, null, null, null, null, null,
                List.of(new Station.VolunteerPost(DutyPost.SAFETY, 0, null))), NOW))).isEqualTo("invalid-volunteer-posts");
    }

    private static String codeOf(Runnable change) {
        try {
            change.run();
        } catch (BusinessRuleViolation e) {
            return e.code();
        }
        throw new AssertionError("no business rule refused the change");
    }
}
