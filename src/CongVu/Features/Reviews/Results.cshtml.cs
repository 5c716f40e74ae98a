using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>The year's results table (page and XLSX) and who qualifies for commendation.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class ResultsModel(AppDbContext db, OrgTree tree) : PageModel
{
    private static readonly string[] Header = ["STT", "Họ và tên", "Chi bộ", "Điểm", "Xếp loại", "Trạng thái", "Số năm liên tục xuất sắc"];

    public sealed record Line(int PersonId, string Name, string Cell, RatingLevel Level, decimal Score, DecisionState State, int ExcellentStreak);

    public RatingYear? Year { get; private set; }

    public List<Line> Lines { get; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct) =>
        await LoadAsync(year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int year, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }

        var rows = new List<IReadOnlyList<string?>> { Header };
        rows.AddRange(Lines.Select((l, i) => (IReadOnlyList<string?>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Name, l.Cell, Year!.RuleSet == RuleSet.Qd366 ? l.Score.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : "", RatingEngine.Name(l.Level), l.State.ToString(), l.ExcellentStreak.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        using var stream = new MemoryStream();
        RegistryWorkbookWriter.Write(stream, "Ket qua " + Year!.Year, rows);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ket-qua-xep-loai-{Year.Year}.xlsx");
    }

    private async Task<bool> LoadAsync(int year, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.FindYearAsync(db, snap, year, ct);
        if (Year is null)
        {
            return false;
        }

        var decisions = await db.Set<RatingDecision>().AsNoTracking().Where(d => d.RatingYearId == year && d.IsCurrent).ToListAsync(ct);
        var ids = decisions.Select(d => d.PersonId).ToArray();
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        // Reward rule (QĐ 366-QĐ/TW, commendation practice): Xuất sắc this year, and 5 consecutive years for a higher award.
        var history = await db.Set<RatingDecision>().AsNoTracking()
            .Where(d => ids.Contains(d.PersonId) && d.IsCurrent && d.Level == RatingLevel.Excellent && d.State == DecisionState.Published)
            .Join(db.Set<RatingYear>(), d => d.RatingYearId, y => y.Id, (d, y) => new { d.PersonId, y.Year })
            .ToListAsync(ct);
        var excellentYears = history.ToLookup(h => h.PersonId, h => h.Year);
        foreach (var d in decisions)
        {
            var years = excellentYears[d.PersonId].ToHashSet();
            var streak = 0;
            while (years.Contains(Year.Year - streak))
            {
                streak++;
            }

            Lines.Add(new Line(d.PersonId, names.GetValueOrDefault(d.PersonId, "?"), snap.Find(d.OrgUnitId)?.Name ?? "?", d.Level, d.Score, d.State, streak));
        }

        Lines.Sort((a, b) => string.CompareOrdinal(a.Cell + a.Name, b.Cell + b.Name));
        return true;
    }
}
