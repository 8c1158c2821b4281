package org.linli.property.courier;

/** The kind of work of a new-employment-group member (新就业群体) who delivers into compounds. */
public enum CourierKind {
    COURIER("快递员"),
    FOOD_RIDER("外卖骑手"),
    INSTANT_DELIVERY("即时配送员");

    private final String label;

    CourierKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
