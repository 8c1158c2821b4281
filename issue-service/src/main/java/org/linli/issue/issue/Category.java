package org.linli.issue.issue;

/**
 * What an issue is about: the list residents choose from (and Open311's services). Each category has
 * the severity it starts with and the department that is called in (吹哨) when it escalates past the
 * street; departments are codes that {@code linli.issue.departments} maps to org units.
 */
public enum Category {
    PROPERTY_REPAIR("物业维修", "Property repair", Severity.ORDINARY, "HOUSING"),
    ENVIRONMENT("环境卫生", "Environment and sanitation", Severity.ORDINARY, "URBAN_MANAGEMENT"),
    ROAD_AND_LIGHTING("道路照明", "Roads and street lighting", Severity.ORDINARY, "URBAN_MANAGEMENT"),
    PARKING("停车秩序", "Parking", Severity.ORDINARY, "URBAN_MANAGEMENT"),
    NOISE("噪音扰民", "Noise", Severity.ORDINARY, "URBAN_MANAGEMENT"),
    NEIGHBOUR_DISPUTE("邻里纠纷", "Neighbour dispute", Severity.COMPLEX, "JUSTICE"),
    ILLEGAL_CONSTRUCTION("违章搭建", "Illegal construction", Severity.COMPLEX, "URBAN_MANAGEMENT"),
    UTILITIES("水电气暖", "Water, power, gas and heating", Severity.COMPLEX, "HOUSING"),
    SAFETY_HAZARD("安全隐患", "Safety hazard", Severity.MAJOR, "EMERGENCY_MANAGEMENT"),
    OTHER("其他", "Other", Severity.ORDINARY, "STREET_OFFICE");

    private final String label;
    private final String englishName;
    private final Severity defaultSeverity;
    private final String department;

    Category(String label, String englishName, Severity defaultSeverity, String department) {
        this.label = label;
        this.englishName = englishName;
        this.defaultSeverity = defaultSeverity;
        this.department = department;
    }

    public String label() {
        return label;
    }

    public String englishName() {
        return englishName;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The department code called in when an issue of this category escalates past the street. */
    public String department() {
        return department;
    }
}
