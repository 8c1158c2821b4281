package org.linli.e2e.demo;

/**
 * How much county {@code ./linli demo} loads. {@link #COUNTY} is the seed's (DOMAIN.md): Xiangcheng's
 * 7 streets and townships, 49 communities, 215 grid branches, 673 building groups and 1849 central
 * households; 1072 micro-grids; Wuhu's 1601 compounds, 35 companies with 68 % of them under contract.
 * {@link #SMALL}, the default, is one street of the same shape that loads in seconds.
 */
public record CountySize(String name, int streets, int communities, int branches, int groups, int centralHouseholds,
                         int microGrids, int compounds, int companies, int stateCompanies, int issuesPerCommunity) {

    public static final CountySize SMALL = new CountySize("small", 1, 3, 9, 18, 36, 27, 36, 4, 1, 12);
    public static final CountySize COUNTY = new CountySize("county", 7, 49, 215, 673, 1849, 1072, 1601, 35, 9, 12);

    public static CountySize named(String name) {
        return switch (name) {
            case "small" -> SMALL;
            case "county" -> COUNTY;
            default -> throw new IllegalArgumentException("unknown size " + name + " (small, county)");
        };
    }

    /** How many of {@code total} things the {@code index}-th of {@code parents} parents gets: even, the first ones one more. */
    public static int share(int total, int parents, int index) {
        return total / parents + (index < total % parents ? 1 : 0);
    }
}
