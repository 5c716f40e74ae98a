using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Overview;

/// <summary>Every commune in the user's scope side by side for a year, from the pre-computed figures (issue "dashboards").</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, CommuneFiguresStore store, TimeProvider time) : PageModel
{
    public const int PageSize = 100;

    public static readonly string[] RatingKeys = ["excellent", "good", "completed", "notCompleted"];

    public sealed record Totals(long Cells, long Members, long Exempt, IReadOnlyDictionary<string, long> Ratings, int Counted, int Updating);

    [BindProperty(SupportsGet = true, Name = "nam")]
    public string? YearText { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int? PageNumber { get; set; }

    public int ShownYear { get; private set; }

    public string? YearError { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int CommuneCount { get; private set; }

    public IReadOnlyList<CommuneFigures> Rows { get; private set; } = [];

    public Totals Total { get; private set; } = new(0, 0, 0, new Dictionary<string, long>(), 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        ShownYear = today.Year - 1;
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (int.TryParse(YearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y >= RebuildFiguresCommand.FirstYear && y <= today.Year)
            {
                ShownYear = y;
            }
            else
            {
                YearError = $"Năm “{YearText}” không hợp lệ: nhập năm từ {RebuildFiguresCommand.FirstYear} đến {today.Year}.";
            }
        }

        var snap = await tree.GetAsync(ct);
        var communes = OverviewCommunes.ValidIn(snap, OverviewCommunes.InScope(snap, db.Scope), ShownYear);
        CommuneCount = communes.Count;
        PageCount = Math.Max(1, (communes.Count + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
        var shown = communes.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        // The shown page first, so the recompute budget goes to the rows on screen; totals cover every commune.
        var shownIds = shown.Select(c => c.Id).ToHashSet();
        var ordered = shown.Concat(communes.Where(c => !shownIds.Contains(c.Id))).ToList();
        var all = await store.GetAsync(ordered, ShownYear, ct);
        Rows = all.Take(shown.Count).ToList();
        Total = Sum(all);
    }

    private static Totals Sum(IReadOnlyList<CommuneFigures> all)
    {
        long cells = 0, members = 0, exempt = 0;
        var ratings = RatingKeys.ToDictionary(k => k, _ => 0L);
        var counted = 0;
        foreach (var row in all.Where(r => !r.Updating))
        {
            counted++;
            cells += Count(row, "partyCells") ?? 0;
            members += Count(row, "partyMembers") ?? 0;
            exempt += Count(row, "exemptMembers") ?? 0;
            foreach (var k in RatingKeys)
            {
                ratings[k] += Rating(row, k) ?? 0;
            }
        }

        return new Totals(cells, members, exempt, ratings, counted, all.Count - counted);
    }

    public static int? Count(CommuneFigures row, string key) =>
        row.Figures is { } f && f.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    public static decimal? Rate(CommuneFigures row, string key) =>
        row.Figures is { } f && f.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n : null;

    public static int? Rating(CommuneFigures row, string level) =>
        row.Figures is { } f && f.TryGetValue("ratings", out var r) && r.ValueKind == JsonValueKind.Object
            && r.TryGetProperty(level, out var v) && v.TryGetInt32(out var n) ? n : null;

    /// <summary>The pledge rate is a fraction in the summary; the other rates are already percentages.</summary>
    public static decimal? PledgePercent(CommuneFigures row) => Rate(row, "pledgeRate") is decimal r ? r * 100m : null;

    public string PageUrl(int page) => $"/staff/cac-xa?nam={ShownYear}&trang={page}";
}
