using System.Globalization;
using System.Security.Claims;
using System.Text;
using CongVu.Features.Feedback.Rules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Staff;

/// <summary>Dossier timeliness: CSV or XLSX import from the one-stop system (idempotent by code) and on-time rates per official and month.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
[RequestSizeLimit(5 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * 1024 * 1024)]
public sealed class DossiersModel(AppDbContext db, OrgTree orgTree, IAuthorizationService authz, AuditLog audit, TimeProvider time, Schedules.WorkingCalendarProvider calendars) : PageModel
{
    public sealed record RateRow(string Key, int Early, int OnTime, int Late, int Pending, decimal? Rate);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<RateRow> ByOfficial { get; private set; } = [];

    public IReadOnlyList<RateRow> ByMonth { get; private set; } = [];

    public RateRow? Total { get; private set; }

    public IReadOnlyList<Dossier> LateOrAtRisk { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanImport { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded)
        {
            return Forbid();
        }

        var tree = await orgTree.GetAsync(ct);
        _ = int.TryParse(User.FindFirstValue(AppClaims.OrgUnit), CultureInfo.InvariantCulture, out var unitId);
        var commune = tree.CommuneOf(unitId);
        if (commune is null || Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp CSV hoặc Excel (XLSX) danh sách hồ sơ.");
            await LoadAsync(ct);
            return Page();
        }

        var office = FeedbackService.OfficeOf(tree, commune.Id);
        List<Row> rows;
        List<string> problems;
        if (Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var ms = new MemoryStream();
            await Upload.CopyToAsync(ms, ct);
            var table = DossierWorkbook.ReadFirstSheet(ms);
            (rows, problems) = table is null ? ([], ["Tệp Excel (XLSX) không đọc được."]) : ParseRows(table);
        }
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct);
            (rows, problems) = Parse(text);
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems.Take(20))
            {
                ModelState.AddModelError(nameof(Upload), p);
            }

            await LoadAsync(ct);
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Set<Dossier>().Where(d => d.OrgUnitId == office && codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        int added = 0, updated = 0;
        foreach (var r in rows)
        {
            if (existing.TryGetValue(r.Code, out var d))
            {
                updated++;
            }
            else
            {
                d = new Dossier { OrgUnitId = office, Code = r.Code, Procedure = r.Procedure };
                db.Set<Dossier>().Add(d);
                existing[r.Code] = d;
                added++;
            }

            d.Procedure = r.Procedure;
            d.ReceivedOn = r.Received;
            // A date reset here stands when the one-stop system still carries the old one (Nghị định 118/2025/NĐ-CP).
            if (d.OriginalDueOn != r.Due)
            {
                d.DueOn = r.Due;
            }

            d.ReturnedOn = r.Returned;
            d.Official = r.Official;
            d.ImportedAt = now;
        }

        audit.Record("dossier.import", "dossier", null, office, after: new { Added = added, Updated = updated });
        await db.SaveChangesAsync(ct);
        Message = $"Đã nhập {added} hồ sơ mới, cập nhật {updated} hồ sơ.";
        await LoadAsync(ct);
        return Page();
    }

    internal sealed record Row(string Code, string Procedure, DateOnly Received, DateOnly Due, DateOnly? Returned, string? Official);

    /// <summary>Columns: code, procedure, received, due, returned, official (dd/MM/yyyy dates; comma or semicolon separated; a header row).</summary>
    internal static (List<Row> Rows, List<string> Problems) Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        return ParseRows(lines.Select(l => string.IsNullOrWhiteSpace(l) ? [] : l.Split(separator).Select(x => x.Trim().Trim('"')).ToArray()).ToList());
    }

    /// <summary>The same columns as the CSV, row 1 a header; empty rows skipped.</summary>
    internal static (List<Row> Rows, List<string> Problems) ParseRows(IReadOnlyList<string[]> table)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        for (var i = 1; i < table.Count; i++)
        {
            var c = table[i];
            if (c.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var n = i + 1;
            if (c.Length < 5)
            {
                problems.Add($"Dòng {n}: thiếu cột (cần mã, thủ tục, ngày nhận, hạn trả, ngày trả, cán bộ).");
                continue;
            }

            if (c[0].Length is 0 or > 50 || c[1].Length is 0 or > 300)
            {
                problems.Add($"Dòng {n}: mã hồ sơ hoặc tên thủ tục trống hay quá dài.");
                continue;
            }

            if (!Formats.TryParseDate(c[2], out var received) || !Formats.TryParseDate(c[3], out var due))
            {
                problems.Add($"Dòng {n}: ngày nhận hoặc hạn trả không hợp lệ (dd/MM/yyyy).");
                continue;
            }

            DateOnly? returned = null;
            if (c[4].Length > 0)
            {
                if (!Formats.TryParseDate(c[4], out var r))
                {
                    problems.Add($"Dòng {n}: ngày trả không hợp lệ.");
                    continue;
                }

                returned = r;
            }

            if (due < received || returned < received)
            {
                problems.Add($"Dòng {n}: hạn trả hoặc ngày trả trước ngày nhận.");
                continue;
            }

            var official = c.Length > 5 && c[5].Length > 0 ? c[5][..Math.Min(200, c[5].Length)] : null;
            rows.Add(new Row(c[0], c[1], received, due, returned, official));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add("Tệp không có dòng dữ liệu nào.");
        }

        if (rows.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            problems.Add($"Mã hồ sơ {dup.Key} lặp lại trong tệp.");
        }

        return (rows, problems);
    }

    /// <summary>The working-day calendar from the stored schedules.</summary>
    public WorkingDayCalendar Calendar { get; private set; } = WorkingDayCalendar.Default;

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        Calendar = await calendars.GetAsync(ct);
        CanImport = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        var from = new DateOnly(Today.Year, 1, 1);
        var list = await db.Set<Dossier>().AsNoTracking().Where(d => d.ReceivedOn >= from).ToListAsync(ct);
        var today = Today;
        RateRow Rate(string key, IEnumerable<Dossier> ds)
        {
            var s = ds.Select(d => d.StatusOn(today)).ToList();
            return new RateRow(key, s.Count(x => x == DossierTimelinessStatus.Early), s.Count(x => x == DossierTimelinessStatus.OnTime),
                s.Count(x => x == DossierTimelinessStatus.Late), s.Count(x => x == DossierTimelinessStatus.Pending), DossierTimeliness.OnTimeRate(s));
        }

        Total = Rate("Tổng", list);
        ByOfficial = list.GroupBy(d => d.Official ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList();
        ByMonth = list.GroupBy(d => (d.ReturnedOn ?? d.DueOn).ToString("MM/yyyy", CultureInfo.InvariantCulture)).OrderBy(g => g.Key[3..] + g.Key[..2], StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList();
        LateOrAtRisk = list.Where(d => d.ReturnedOn is null && d.DueOn <= Calendar.AddWorkingDays(today, 1)).OrderBy(d => d.DueOn).Take(100).ToList();
    }
}
