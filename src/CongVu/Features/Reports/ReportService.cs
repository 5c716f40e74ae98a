using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Documents;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reports;

/// <summary>Drafts, edits and issues the committee's reports; issued reports are frozen bytes with their SHA-256.</summary>
public sealed partial class ReportService(AppDbContext db, OrgTree tree, ReportFigures figures, AuditLog audit, TimeProvider time)
{
    public const string ReportType = "BC";

    /// <summary>Commune party committees the user sees.</summary>
    public async Task<List<OrgNode>> CommitteesAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var ids = db.Scope.All ? snap.Roots().SelectMany(r => snap.Scope(r.Id)).Distinct() : db.Scope.UnitIds;
        return snap.Nodes(ids).Where(n => n.Kind == OrgUnitKind.CommunePartyCommittee).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
    }

    public Task<List<PartyTerm>> TermsAsync(int committeeId, CancellationToken ct) =>
        db.Set<PartyTerm>().AsNoTracking().Where(t => t.OrgUnitId == committeeId).OrderBy(t => t.StartsOn).ToListAsync(ct);

    public Task<PartyReport?> FindAsync(int id, CancellationToken ct) =>
        db.Set<PartyReport>().Include(r => r.Sections).FirstOrDefaultAsync(r => r.Id == id, ct);

    public static string KindName(ReportKind k) => k switch
    {
        ReportKind.YearlyDirective05 => "Báo cáo kết quả thực hiện Chỉ thị 05-CT/TW và mô hình “3 không, 3 đúng, 3 nên, 3 cần, 3 chống”",
        _ => "Báo cáo tổng kết nhiệm kỳ",
    };

    /// <summary>Creates a draft with narrative generated from the figures; null with an error when the request is not possible.</summary>
    public async Task<(PartyReport? Report, string? Error)> CreateDraftAsync(int committeeId, ReportKind kind, int? year, int? termId, string? by, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        if (!db.Scope.CanSee(committeeId) || snap.Find(committeeId) is not { Kind: OrgUnitKind.CommunePartyCommittee } committee || committee.AdminUnitId is not int communeId || snap.Find(communeId) is not { } commune)
        {
            return (null, "Không tìm thấy đảng bộ xã.");
        }

        PartyTerm? term = null;
        int reportYear;
        if (kind == ReportKind.TermSummary)
        {
            term = await db.Set<PartyTerm>().FirstOrDefaultAsync(t => t.Id == termId && t.OrgUnitId == committeeId, ct);
            if (term is null)
            {
                return (null, "Chọn nhiệm kỳ cần tổng kết.");
            }

            reportYear = term.ToYear;
        }
        else
        {
            var thisYear = VietnamTime.Today(time).Year;
            if (year is not int y || y < commune.ValidFrom.Year || y > Math.Min(thisYear, commune.ValidTo?.Year ?? thisYear))
            {
                return (null, $"Năm báo cáo phải từ {commune.ValidFrom.Year} đến {Math.Min(thisYear, commune.ValidTo?.Year ?? thisYear)}.");
            }

            reportYear = y;
        }

        var years = await YearsAsync(commune, kind, reportYear, term, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var report = new PartyReport
        {
            OrgUnitId = committeeId, Kind = kind, DocType = ReportType, Year = reportYear, SummaryTermId = term?.Id,
            Subject = kind == ReportKind.TermSummary
                ? $"Tổng kết thực hiện Nghị quyết Đại hội {committee.Name}{(term!.Ordinal is null ? "" : " lần thứ " + term.Ordinal)}, nhiệm kỳ {term.Name}"
                : $"Kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW) và thực hiện mô hình “3 không, 3 đúng, 3 nên, 3 cần, 3 chống” năm {reportYear}",
            State = ReportState.Draft,
            Recipients = $"- {snap.Find(committee.ParentId ?? 0)?.Name ?? "Cấp ủy cấp trên"} (để báo cáo),\n- Các chi bộ trực thuộc,\n- Lưu Văn phòng Đảng ủy.",
            CreatedAt = now, UpdatedAt = now, CreatedBy = by,
            Sections = ReportNarrative.Generate(kind, committee.Name, years, term?.Name)
                .Select((s, i) => new ReportSection { SortOrder = i, Heading = s.Heading, Text = s.Text }).ToList(),
        };
        db.Set<PartyReport>().Add(report);
        audit.RecordSaved("report.create", "party-report", () => report.Id, committeeId, after: new { report.Kind, report.Year, report.Subject });
        await db.SaveChangesAsync(ct);
        return (report, null);
    }

    /// <summary>The years whose figures the report shows: the one year, or every year of the term.</summary>
    private async Task<List<YearFigures>> YearsAsync(OrgNode commune, ReportKind kind, int year, PartyTerm? term, CancellationToken ct)
    {
        var list = new List<YearFigures>();
        var from = kind == ReportKind.TermSummary && term is not null ? term.FromYear : year;
        for (var y = from; y <= year; y++)
        {
            list.Add(await figures.ForYearAsync(commune, y, ct));
        }

        return list;
    }

    /// <summary>The content as printed now: a draft carries no number and today's date.</summary>
    public async Task<ReportContent> ContentAsync(PartyReport report, DateOnly date, string numberText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var snap = await tree.GetAsync(ct);
        var committee = snap.Find(report.OrgUnitId)!;
        var commune = snap.Find(committee.AdminUnitId ?? 0) ?? committee;
        var term = report.SummaryTermId is int tid ? await db.Set<PartyTerm>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        var years = await YearsAsync(commune, report.Kind, report.Year, term, ct);
        var rows = report.Kind == ReportKind.TermSummary
            ? ReportFigures.SocioEconomic.Concat(ReportFigures.Party.Take(4)).ToList()
            : ReportFigures.Party.Concat(ReportFigures.Citizens).ToList();
        return new ReportContent(
            snap.Find(committee.ParentId ?? 0)?.Name ?? string.Empty,
            ReportDocument.IssuingBody(committee.Name),
            PartyDocument.PlaceOf(committee.Name),
            date,
            numberText,
            report.Subject,
            report.Sections.OrderBy(s => s.SortOrder).Select(s => (s.Heading, s.Text)).ToList(),
            rows,
            years,
            (report.Recipients ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            report.SignerName,
            new PageMarginsMm(report.MarginTopMm, report.MarginBottomMm, report.MarginLeftMm, report.MarginRightMm));
    }

    public Task<ReportContent> DraftContentAsync(PartyReport report, CancellationToken ct) =>
        ContentAsync(report, VietnamTime.Today(time), ReportDocument.NumberText(null, report.DocType), ct);

    /// <summary>Plain text only: markup is refused, control characters that XML cannot hold are dropped.</summary>
    public static string? CheckText(string? text, int max, string field, out string clean)
    {
        clean = new string((text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c == '\n' || c == '\t' || !char.IsControl(c)).ToArray()).Trim();
        if (Markup().IsMatch(clean))
        {
            return $"{field}: chỉ nhập văn bản thường, không dùng thẻ HTML.";
        }

        return clean.Length > max ? $"{field}: tối đa {max} ký tự." : null;
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!]")]
    private static partial Regex Markup();

    /// <summary>Saves edits to a draft; an issued report is never changed.</summary>
    public async Task<string?> SaveAsync(PartyReport report, ReportEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(edit);
        if (report.State != ReportState.Draft)
        {
            return "Báo cáo đã ban hành, không thể sửa.";
        }

        var errors = new List<string?>
        {
            CheckText(edit.Subject, 500, "Trích yếu", out var subject),
            CheckText(edit.Recipients, 1000, "Nơi nhận", out var recipients),
            CheckText(edit.Signer, 200, "Người ký", out var signer),
        };
        if (subject.Length == 0)
        {
            errors.Add("Trích yếu: không được để trống.");
        }

        var texts = new Dictionary<int, string>();
        foreach (var section in report.Sections)
        {
            errors.Add(CheckText(edit.Sections.GetValueOrDefault(section.Id, section.Text), 20000, section.Heading, out var t));
            texts[section.Id] = t;
        }

        int[] margins = [edit.MarginTop, edit.MarginBottom, edit.MarginLeft, edit.MarginRight];
        if (margins.Any(m => m is < 5 or > 50))
        {
            errors.Add("Lề trang: mỗi lề từ 5 đến 50 mm.");
        }

        if (errors.FirstOrDefault(e => e is not null) is string error)
        {
            return error;
        }

        var before = new { report.Subject, report.Recipients, report.SignerName, Sections = report.Sections.Select(s => new { s.Id, s.Text }).ToList() };
        report.Subject = subject;
        report.Recipients = recipients;
        report.SignerName = signer.Length == 0 ? null : signer;
        (report.MarginTopMm, report.MarginBottomMm, report.MarginLeftMm, report.MarginRightMm) = (edit.MarginTop, edit.MarginBottom, edit.MarginLeft, edit.MarginRight);
        foreach (var section in report.Sections)
        {
            section.Text = texts[section.Id];
        }

        report.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("report.edit", "party-report", report.Id, report.OrgUnitId, before, new { report.Subject, report.Recipients, report.SignerName, Sections = report.Sections.Select(s => new { s.Id, s.Text }).ToList() });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Issues a draft: the next number of its type in the committee's term containing the date (HD 36-HD/VPTW), the documents frozen with their SHA-256.</summary>
    public async Task<string?> IssueAsync(PartyReport report, DateOnly date, string? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportState.Draft)
        {
            return "Báo cáo đã ban hành.";
        }

        var snap = await tree.GetAsync(ct);
        var committee = snap.Find(report.OrgUnitId)!;
        if (date > VietnamTime.Today(time) || !committee.IsValidOn(date))
        {
            return $"Ngày ban hành phải trong thời gian hoạt động của {committee.Name} và không sau hôm nay.";
        }

        if (report.Kind == ReportKind.YearlyDirective05 && date.Year < report.Year)
        {
            return "Ngày ban hành không thể trước năm báo cáo.";
        }

        var term = (await TermsAsync(report.OrgUnitId, ct)).Where(t => t.StartsOn <= date).MaxBy(t => t.StartsOn);
        if (term is null)
        {
            return "Chưa khai báo nhiệm kỳ của đảng bộ cho ngày này: thêm nhiệm kỳ trước khi ban hành.";
        }

        var last = await db.Set<PartyReport>().Where(r => r.OrgUnitId == report.OrgUnitId && r.TermId == term.Id && r.DocType == report.DocType && r.Number != null).MaxAsync(r => r.Number, ct);
        var number = (last ?? 0) + 1;
        var content = await ContentAsync(report, date, ReportDocument.NumberText(number, report.DocType), ct);
        report.Docx = ReportDocument.Docx(content);
        report.Xlsx = ReportDocument.Xlsx(content);
        report.DocxSha256 = Convert.ToHexStringLower(SHA256.HashData(report.Docx));
        report.XlsxSha256 = Convert.ToHexStringLower(SHA256.HashData(report.Xlsx));
        report.TermId = term.Id;
        report.Number = number;
        report.NumberText = content.NumberText;
        report.IssuedOn = date;
        report.IssuedAt = time.GetUtcNow().UtcDateTime;
        report.IssuedBy = by;
        report.State = ReportState.Issued;
        report.UpdatedAt = report.IssuedAt.Value;
        audit.Record("report.issue", "party-report", report.Id, report.OrgUnitId, after: new { report.NumberText, Term = term.Name, IssuedOn = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.DocxSha256, report.XlsxSha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two issues at once took the same number: the unique index refused the second; the user retries.
            return "Số văn bản vừa được cấp cho báo cáo khác; tải lại trang và ban hành lại.";
        }

        return null;
    }

    /// <summary>The register of issued documents of the committees the user sees, newest first.</summary>
    public async Task<List<PartyReport>> RegisterAsync(int? committeeId, CancellationToken ct) =>
        (await db.Set<PartyReport>().AsNoTracking()
            .Where(r => committeeId == null || r.OrgUnitId == committeeId)
            .Select(r => new PartyReport { Id = r.Id, OrgUnitId = r.OrgUnitId, Kind = r.Kind, DocType = r.DocType, Year = r.Year, Subject = r.Subject, State = r.State, Number = r.Number, NumberText = r.NumberText, IssuedOn = r.IssuedOn, TermId = r.TermId, CreatedAt = r.CreatedAt })
            .ToListAsync(ct))
        .OrderBy(r => r.State).ThenByDescending(r => r.IssuedOn).ThenByDescending(r => r.Number).ThenByDescending(r => r.CreatedAt).ToList();
}

/// <summary>What the edit form posts.</summary>
public sealed class ReportEdit
{
    public string? Subject { get; set; }

    public string? Recipients { get; set; }

    public string? Signer { get; set; }

    public int MarginTop { get; set; } = 20;

    public int MarginBottom { get; set; } = 20;

    public int MarginLeft { get; set; } = 30;

    public int MarginRight { get; set; } = 15;

    public Dictionary<int, string> Sections { get; set; } = [];
}
