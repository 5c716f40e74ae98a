using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Features.Portal.News;
using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CongVu.Features.Portal.Home;

/// <summary>What a commune's public home shows.</summary>
public sealed record CommuneHomeView(OrgNode Commune, string Prefix, IReadOnlyList<NewsPost> News, JsonElement? Figures, OrgNode? Successor);

/// <summary>Builds a commune's home and transparency data; the figures come from the public summary's own code path.</summary>
public sealed class CommuneHome(PortalCommunes communes, NewsQueries news, OrgTree tree, IEnumerable<IPublicFigures> contributors, TimeProvider time, ReadCache cache)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Keys of the summary that describe the request rather than the commune.</summary>
    public static readonly HashSet<string> MetaKeys = ["commune", "communeName", "partyOrganisation", "year", "asOf"];

    public async Task<CommuneHomeView?> BuildAsync(string? code, int newsCount, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune)
        {
            return null;
        }

        // The latest posts change on a save (which moves the data version) or when a scheduled post's time comes:
        // keyed by the minute, a scheduled post shows within the minute it is due.
        var latest = await cache.GetOrComputeAsync<IReadOnlyList<NewsPost>>(
            FormattableString.Invariant($"home-news|{commune.Id}|{newsCount}|{time.GetUtcNow():yyyyMMddHHmm}"),
            async token => await news.LatestAsync(commune.Id, newsCount, null, token),
            ct);
        var snap = await tree.GetAsync(ct);
        var successor = commune.ValidTo is null ? null : snap.Successors(commune.Id).FirstOrDefault(s => s.Kind == OrgUnitKind.Commune);
        return new CommuneHomeView(commune, communes.Prefix(commune), latest, await FiguresAsync(commune.Code, null, ct), successor);
    }

    /// <summary>GET /api/v1/public/summary for the commune, as JSON (the same contributors, the same rules).</summary>
    public async Task<JsonElement?> FiguresAsync(string code, string? year, CancellationToken ct)
    {
        var result = await PublicSummaryEndpoints.GetCachedSummaryAsync(code, year, tree, contributors, time, cache, ct);
        return result.Result is Ok<Dictionary<string, object?>> ok ? JsonSerializer.SerializeToElement(ok.Value, Web) : null;
    }
}
