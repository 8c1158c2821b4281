package org.linli.property.compound;

/** A service contract's kind: regular (selected company), temporary, or fallback (兜底, a state-owned or qualified company). */
public enum ContractKind {
    REGULAR("正式服务"),
    TEMPORARY("临时服务"),
    FALLBACK("兜底服务");

    private final String label;

    ContractKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
