package org.linli.issue.issue;

/** How an issue came in. */
public enum Channel {
    APP("居民端"), QR_CODE("扫码随手拍"), PATROL("网格巡查"), HOTLINE("热线"), OPEN311("外部系统");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
