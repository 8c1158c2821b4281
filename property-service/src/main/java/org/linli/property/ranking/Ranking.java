package org.linli.property.ranking;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.events.property.RankingPublished;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.property.evaluation.MonthlyScores;
import org.linli.property.evaluation.Scheme;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published monthly ranking of the property companies of a county or street: an immutable snapshot of the
 * scores and their breakdown at publication (later records do not change it). One per scope and month
 * (unique {@code scopeMonth}). The bottom band is the lowest {@code bottomSharePercent} of the ranked
 * companies, at least one when two or more are ranked.
 */
@Document("rankings")
// a scope's published rankings, newest first
@CompoundIndex(name = "scope_month", def = "{'scopeUnitId': 1, 'month': -1}")
public class Ranking extends AggregateRoot {

    /** The scope id of a county-wide ranking. */
    public static final String COUNTY = "county";

    @Id
    private String id;
    @Indexed(unique = true)
    private String scopeMonth;
    private String scopeUnitId;
    private String scopeName;
    private String scopePath;
    @Indexed // every scope's rankings, newest first (the public history without a scope)
    private String month;
    private String schemeId;
    private String schemeName;
    private List<Scheme.Item> schemeItems;
    private List<Entry> entries;
    private List<String> unscoredCompanyIds;
    private List<String> bottomCompanyIds;
    private int compoundsScored;
    private Instant publishedAt;
    private String publishedBy;

    protected Ranking() {
        // for the mapping layer
    }

    static Ranking publish(String scopeUnitId, String scopeName, String scopePath, YearMonth month,
                           MonthlyScores.Result result, Map<String, String> companyNames,
                           int bottomSharePercent, String publishedBy, Instant now) {
        Ranking ranking = new Ranking();
        ranking.id = UUID.randomUUID().toString();
        ranking.scopeUnitId = scopeUnitId;
        ranking.scopeMonth = scopeUnitId + ":" + month;
        ranking.scopeName = scopeName;
        ranking.scopePath = scopePath;
        ranking.month = month.toString();
        ranking.schemeId = result.scheme().id();
        ranking.schemeName = result.scheme().name();
        ranking.schemeItems = result.scheme().items();
        ranking.entries = new ArrayList<>();
        ranking.unscoredCompanyIds = new ArrayList<>();
        int position = 0;
        Double previous = null;
        int rank = 0;
        for (MonthlyScores.CompanyScore company : result.companies()) {
            if (company.score() == null) {
                ranking.unscoredCompanyIds.add(company.companyId());
                continue;
            }
            position++;
            if (!company.score().equals(previous)) {
                rank = position;
                previous = company.score();
            }
            ranking.entries.add(new Entry(rank, company.companyId(), companyNames.get(company.companyId()),
                    company.score(), company.compoundsServed(), company.compoundsScored(), company.items(),
                    company.lowestCompounds().stream().map(low -> new LowCompound(low.compoundId(), low.name(),
                            low.total())).toList()));
        }
        int ranked = ranking.entries.size();
        int band = ranked < 2 ? 0 : Math.max(1, (int) Math.ceil(ranked * bottomSharePercent / 100.0));
        ranking.bottomCompanyIds = ranking.entries.subList(ranked - band, ranked).stream().map(Entry::companyId).toList();
        ranking.compoundsScored = (int) result.compounds().values().stream().filter(c -> c.total() != null).count();
        ranking.publishedAt = now;
        ranking.publishedBy = publishedBy;
        ranking.recordEvent(ranking.id, new RankingPublished(ranking.id, scopeUnitId, ranking.month, ranked,
                ranking.bottomCompanyIds), now);
        return ranking;
    }

    public String id() {
        return id;
    }

    public String scopeUnitId() {
        return scopeUnitId;
    }

    public String scopeName() {
        return scopeName;
    }

    public String scopePath() {
        return scopePath;
    }

    public YearMonth month() {
        return YearMonth.parse(month);
    }

    public String schemeId() {
        return schemeId;
    }

    public String schemeName() {
        return schemeName;
    }

    public List<Scheme.Item> schemeItems() {
        return schemeItems;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> unscoredCompanyIds() {
        return unscoredCompanyIds;
    }

    public List<String> bottomCompanyIds() {
        return bottomCompanyIds;
    }

    public int compoundsScored() {
        return compoundsScored;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** A ranked company: its score, how many compounds it served and how many were scored, item means, lowest compounds. */
    public record Entry(int rank, String companyId, String companyName, double score, int compoundsServed,
                        int compoundsScored, List<MonthlyScores.ItemScore> items, List<LowCompound> lowestCompounds) {
    }

    /** One of a company's lowest-scored compounds that month. */
    public record LowCompound(String compoundId, String name, Double total) {
    }
}
