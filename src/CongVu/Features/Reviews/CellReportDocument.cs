using CongVu.Features.Organisation;
using CongVu.Features.Pledges;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>The cell's yearly report figures, computed from the records; plain data so the document builder stays pure.</summary>
public sealed record CellReportData(
    string SuperiorBody,
    string CellName,
    string Place,
    DateOnly Date,
    int Year,
    int OnRoll,
    int Rated,
    IReadOnlyList<(string Name, string Reason)> Excluded,
    IReadOnlyList<(RatingLevel Level, int Count)> Levels,
    int Undecided,
    int PledgeEligible,
    int PledgeRegistered,
    IReadOnlyList<(string Name, int ExcellentStreak)> Commended)
{
    public decimal PledgeRate => PledgeEligible == 0 ? 0m : (decimal)PledgeRegistered / PledgeEligible;
}

/// <summary>The cell's report on the review and rating of its members (báo cáo kiểm điểm, đánh giá, xếp loại), in the Party document format.</summary>
public static class CellReportDocument
{
    /// <summary>Gathers the figures for one cell of a year from the roll, the current decisions and the pledges; null when the caller cannot see the cell.</summary>
    public static async Task<CellReportData?> LoadAsync(AppDbContext db, OrgTreeSnapshot snap, PledgeQueries pledges, RatingYear year, int cellId, DateOnly today, CancellationToken ct)
    {
        var roll = (await YearRoll.LoadAsync(db, snap, year, today, ignoreScope: false, ct)).Where(r => r.CellId == cellId).ToList();
        if (roll.Count == 0 || !db.Scope.CanSee(cellId))
        {
            return null;
        }

        var ids = roll.Select(r => r.PersonId).ToArray();
        var decisions = await db.Set<RatingDecision>().AsNoTracking()
            .Where(d => d.RatingYearId == year.Id && d.IsCurrent && ids.Contains(d.PersonId))
            .ToListAsync(ct);
        var rated = roll.Where(r => r.IsRated).Select(r => r.PersonId).ToHashSet();
        var counted = decisions.Where(d => rated.Contains(d.PersonId)).ToList();
        var levels = new[] { RatingLevel.Excellent, RatingLevel.Good, RatingLevel.Completed, RatingLevel.NotCompleted }
            .Select(l => (l, counted.Count(d => d.Level == l))).ToList();

        // Commendation practice under QĐ 366-QĐ/TW: Xuất sắc in a published decision this year; the streak counts consecutive published Xuất sắc years.
        var excellent = counted.Where(d => d.Level == RatingLevel.Excellent && d.State == DecisionState.Published).Select(d => d.PersonId).ToArray();
        var history = await db.Set<RatingDecision>().AsNoTracking()
            .Where(d => excellent.Contains(d.PersonId) && d.IsCurrent && d.Level == RatingLevel.Excellent && d.State == DecisionState.Published)
            .Join(db.Set<RatingYear>(), d => d.RatingYearId, y => y.Id, (d, y) => new { d.PersonId, y.Year })
            .ToListAsync(ct);
        var years = history.ToLookup(h => h.PersonId, h => h.Year);
        var commended = roll.Where(r => excellent.Contains(r.PersonId)).Select(r =>
        {
            var set = years[r.PersonId].ToHashSet();
            var streak = 0;
            while (set.Contains(year.Year - streak))
            {
                streak++;
            }

            return (r.FullName, streak);
        }).ToList();

        var registration = (await pledges.ByCellAsync(year, ignoreScope: false, ct)).FirstOrDefault(c => c.CellId == cellId);
        var committee = snap.Find(year.CommitteeId)?.Name ?? string.Empty;
        return new CellReportData(
            committee, snap.Find(cellId)?.Name ?? "?", PartyDocument.PlaceOf(committee), today, year.Year,
            roll.Count, rated.Count, roll.Where(r => !r.IsRated).Select(r => (r.FullName, r.ExclusionReason!)).ToList(),
            levels, rated.Count - counted.Count, registration?.Eligible ?? 0, registration?.Registered ?? 0, commended);
    }

    public static byte[] Build(CellReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PartyDocument.Build(body =>
        {
            body.Append(PartyDocument.Header(data.SuperiorBody, data.CellName, data.Place, data.Date, "Số      -BC/CB"));
            body.Append(Para(string.Empty));
            body.Append(PartyDocument.Para("BÁO CÁO", 32, bold: true));
            body.Append(PartyDocument.Para($"Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {data.Year}", 28, bold: true));
            body.Append(PartyDocument.Para("-----", 28));

            body.Append(Heading("I. SỐ LƯỢNG ĐẢNG VIÊN"));
            body.Append(Para($"Tổng số đảng viên của chi bộ: {data.OnRoll} đồng chí."));
            body.Append(Para($"Số đảng viên được đánh giá, xếp loại: {data.Rated} đồng chí."));
            body.Append(Para($"Số đảng viên không xếp loại: {data.Excluded.Count} đồng chí{(data.Excluded.Count == 0 ? "." : ", gồm:")}"));
            foreach (var (name, reason) in data.Excluded)
            {
                body.Append(Para($"- Đồng chí {name}: {reason}."));
            }

            body.Append(Heading("II. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN"));
            foreach (var (level, count) in data.Levels)
            {
                body.Append(Para($"- {RatingEngine.Name(level)}: {count} đồng chí, tỷ lệ {Percent(count, data.Rated)}."));
            }

            if (data.Undecided > 0)
            {
                body.Append(Para($"- Chưa có kết quả xếp loại: {data.Undecided} đồng chí."));
            }

            body.Append(Heading("III. ĐĂNG KÝ LÀM THEO GƯƠNG BÁC (CHỈ THỊ 05-CT/TW)"));
            body.Append(Para($"Số đảng viên đăng ký: {data.PledgeRegistered}/{data.PledgeEligible} đồng chí, tỷ lệ {Percent(data.PledgeRegistered, data.PledgeEligible)}."));

            body.Append(Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"));
            body.Append(Para($"Số đảng viên hoàn thành xuất sắc nhiệm vụ đủ điều kiện đề nghị khen thưởng: {data.Commended.Count} đồng chí{(data.Commended.Count == 0 ? "." : ", gồm:")}"));
            foreach (var (name, streak) in data.Commended)
            {
                body.Append(Para(streak >= 5 ? $"- Đồng chí {name} ({streak} năm liên tục hoàn thành xuất sắc nhiệm vụ)." : $"- Đồng chí {name}."));
            }

            body.Append(Para(string.Empty));
            var sign = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), PartyDocument.Grid(2));
            sign.Append(new TableRow(
                PartyDocument.Cell(PartyDocument.Para("Nơi nhận:", 24, bold: true, italic: true, align: JustificationValues.Left), PartyDocument.Para($"- {data.SuperiorBody},", 22, align: JustificationValues.Left), PartyDocument.Para("- Lưu chi bộ.", 22, align: JustificationValues.Left)),
                PartyDocument.Cell(PartyDocument.Para("T/M CHI BỘ", 28, bold: true), PartyDocument.Para("BÍ THƯ", 28))));
            body.Append(sign);
        });
    }

    /// <summary>A share as a Vietnamese percentage, e.g. "87,5%".</summary>
    public static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : PartyDocument.Number(Math.Round(100m * part / whole, 1)) + "%";

    private static Paragraph Heading(string text) => PartyDocument.Para(text, 28, bold: true, align: JustificationValues.Left);

    private static Paragraph Para(string text) => PartyDocument.Para(text, 28, align: JustificationValues.Both);
}
