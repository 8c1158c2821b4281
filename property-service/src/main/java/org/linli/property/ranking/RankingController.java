package org.linli.property.ranking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.linli.property.evaluation.MonthlyScores;
import org.linli.property.evaluation.Scheme;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@Tag(name = "Rankings", description = "月度排名: immutable monthly snapshots per county or street, public to residents and media")
@RestController
@RequestMapping("/api/v1/rankings")
class RankingController {

    private static final String PUBLISHERS = "hasAnyRole('" + Roles.COUNTY_ADMIN + "','" + Roles.STREET_ADMIN + "','"
            + Roles.DEPARTMENT_STAFF + "')";

    /** A published snapshot never changes: clients and proxies may keep it. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable();

    private final RankingService service;

    RankingController(RankingService service) {
        this.service = service;
    }

    @Operation(summary = "Publish the monthly ranking of the county or a street",
            description = "Roles: COUNTY_ADMIN, DEPARTMENT_STAFF, STREET_ADMIN; scopeUnitId \"county\" (or absent) needs "
                    + "a county-wide account, a street or township needs an account covering it (403). Companies are "
                    + "ranked by the mean of their compounds' scores; the snapshot keeps each company's item breakdown "
                    + "and lowest compounds. Companies in the bottom band of the scope's rankings for N consecutive "
                    + "months are summoned (SUMMONS sanction). 422 month-not-over, ranking-already-published, "
                    + "invalid-ranking-scope.")
    @PostMapping
    @PreAuthorize(PUBLISHERS)
    ResponseEntity<RankingResponse> publish(Caller caller, @Valid @RequestBody PublishRequest request) {
        Ranking ranking = service.publish(caller, request.scopeUnitId(), request.month());
        return ResponseEntity.created(URI.create("/api/v1/rankings/published/" + ranking.id()))
                .body(RankingResponse.of(ranking));
    }

    @Operation(summary = "Preview a scope's monthly company scores without publishing",
            description = "Roles as publishing (403).")
    @GetMapping("/preview")
    @PreAuthorize(PUBLISHERS)
    List<MonthlyScores.CompanyScore> preview(Caller caller, @RequestParam(required = false) String scopeUnitId,
                                             @RequestParam YearMonth month) {
        return service.preview(caller, scopeUnitId, month).companies();
    }

    @Operation(summary = "Annual review (年考核) of a scope's companies from its published monthly rankings of a year",
            description = "Public, no token, like the rankings it is computed from. ?scopeUnitId= (\"county\" or "
                    + "absent: the county), ?year=. Per company: months ranked, mean monthly score, best and worst "
                    + "rank, months in the bottom band; best mean first.")
    @GetMapping("/published/annual-review")
    RankingService.AnnualReview annualReview(@RequestParam(required = false) String scopeUnitId,
                                             @RequestParam @Min(2000) @Max(2100) int year) {
        return service.annualReview(scopeUnitId, year);
    }

    @Operation(summary = "Published rankings, newest month first (history)",
            description = "Public, no token. Paged; ?scopeUnitId= (\"county\" or a street id). Summaries without entries.")
    @GetMapping("/published")
    PagedModel<RankingSummary> history(@RequestParam(required = false) String scopeUnitId, Pageable pageable) {
        return new PagedModel<>(service.history(scopeUnitId, pageable).map(RankingSummary::of));
    }

    @Operation(summary = "A published ranking with every company's score breakdown",
            description = "Public, no token. Immutable: the ETag is the id, Cache-Control public and immutable, "
                    + "If-None-Match answers 304. 404 unknown id.")
    @GetMapping("/published/{id}")
    ResponseEntity<RankingResponse> published(@PathVariable String id, WebRequest request) {
        String etag = "\"" + id + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(IMMUTABLE).body(RankingResponse.of(service.published(id)));
    }

    record PublishRequest(@Size(max = 64) String scopeUnitId, @NotNull YearMonth month) {
    }

    record RankingSummary(String id, String scopeUnitId, String scopeName, YearMonth month, int companyCount,
                          List<String> bottomCompanyIds, Instant publishedAt) {

        static RankingSummary of(Ranking ranking) {
            return new RankingSummary(ranking.id(), ranking.scopeUnitId(), ranking.scopeName(), ranking.month(),
                    ranking.entries().size(), ranking.bottomCompanyIds(), ranking.publishedAt());
        }
    }

    record RankingResponse(String id, String scopeUnitId, String scopeName, YearMonth month, String schemeName,
                           List<Scheme.Item> schemeItems, List<Ranking.Entry> entries, List<String> bottomCompanyIds,
                           List<String> unscoredCompanyIds, int compoundsScored, Instant publishedAt) {

        static RankingResponse of(Ranking ranking) {
            return new RankingResponse(ranking.id(), ranking.scopeUnitId(), ranking.scopeName(), ranking.month(),
                    ranking.schemeName(), ranking.schemeItems(), ranking.entries(), ranking.bottomCompanyIds(),
                    ranking.unscoredCompanyIds(), ranking.compoundsScored(), ranking.publishedAt());
        }
    }
}
