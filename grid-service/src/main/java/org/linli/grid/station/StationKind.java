package org.linli.grid.station;

/** The kinds of service station (DOMAIN.md §2), with the label a screen shows. */
public enum StationKind {
    PARTY_MASS_SERVICE_STATION("党群服务站"),
    CITY_POST("城市驿站"),
    GRID_POST("网格驿站"),
    NEIGHBOURHOOD_CENTRE("邻里中心");

    private final String label;

    StationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
