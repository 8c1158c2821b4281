package org.linli.grid.station;

/** The fixed vocabulary of services a station offers, with labels; {@link #OTHER} carries its own text. */
public enum Amenity {
    BOOK_BAR("书吧"),
    EBIKE_CHARGING("电动车充电"),
    PHONE_CHARGING("手机充电"),
    PRINTING("打印复印"),
    PARCELS("快递代收"),
    MEDICINE_KIT("爱心药箱"),
    UMBRELLAS("爱心雨伞"),
    ELDERLY_CANTEEN("老年食堂"),
    DRINKING_WATER("饮水热水"),
    RESTROOM("卫生间"),
    REST_AREA("歇脚休息"),
    MICROWAVE("微波炉加热"),
    REPAIR_TOOLS("便民工具箱"),
    LEGAL_ADVICE("法律咨询"),
    MEDIATION_ROOM("调解室"),
    OTHER("其他");

    private final String label;

    Amenity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
