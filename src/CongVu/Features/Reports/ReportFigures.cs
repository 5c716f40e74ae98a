using System.Globalization;
using CongVu.Features.Indicators;
using CongVu.Features.NewCountryside;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Documents;

namespace CongVu.Features.Reports;

public enum FigureFormat
{
    Count = 1,

    /// <summary>A share stored as 0..1, printed as a percentage.</summary>
    Fraction = 2,

    /// <summary>Already a percentage (0..100).</summary>
    Percent = 3,

    Plain = 4,
}

/// <summary>One line of the figures catalogue: a public-summary key and/or an indicator code.</summary>
public sealed record FigureDef(string Key, string Label, string Unit, FigureFormat Format, string? IndicatorCode = null);

/// <summary>A figure's value for one year, formatted as printed.</summary>
public sealed record FigureValue(FigureDef Def, decimal? Value, string Source)
{
    public const string Missing = "chưa có số liệu";

    public string Text => Value is not decimal v ? Missing : ReportFigures.Format(v, Def);
}

/// <summary>The figures of one commune and year, in catalogue order.</summary>
public sealed record YearFigures(int Year, IReadOnlyList<FigureValue> Values, string? NtmStatus)
{
    public FigureValue Get(string key) => Values.First(v => v.Def.Key == key);
}

/// <summary>
/// The one place reports take their numbers from: the public summary (the same code path as GET /api/v1/public/summary
/// and the commune home) first, then entered indicator values by code. Point it elsewhere here, not in the reports.
/// </summary>
public sealed class ReportFigures(OrgTree tree, IEnumerable<IPublicFigures> contributors, TimeProvider time, IndicatorBoard board, NtmQueries ntm)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly FigureDef[] Party =
    [
        new("partyCells", "Số chi bộ trực thuộc", "chi bộ", FigureFormat.Count),
        new("partyMembers", "Tổng số đảng viên", "đồng chí", FigureFormat.Count, "party-members"),
        new("exemptMembers", "Đảng viên được miễn sinh hoạt", "đồng chí", FigureFormat.Count),
        new("pledgeRate", "Tỷ lệ đăng ký làm theo gương Bác (Chỉ thị 05-CT/TW)", "%", FigureFormat.Fraction),
        new("initiatives", "Mô hình làm theo Bác", "mô hình", FigureFormat.Count),
        new("typicalInitiatives", "Mô hình tiêu biểu", "mô hình", FigureFormat.Count, "typical-initiatives"),
        new("commendations", "Tập thể, cá nhân được khen thưởng", "lượt", FigureFormat.Count),
        new("ratings.excellent", "Đảng viên hoàn thành xuất sắc nhiệm vụ", "đồng chí", FigureFormat.Count),
        new("ratings.good", "Đảng viên hoàn thành tốt nhiệm vụ", "đồng chí", FigureFormat.Count),
        new("ratings.completed", "Đảng viên hoàn thành nhiệm vụ", "đồng chí", FigureFormat.Count),
        new("ratings.notCompleted", "Đảng viên không hoàn thành nhiệm vụ", "đồng chí", FigureFormat.Count),
    ];

    public static readonly FigureDef[] Citizens =
    [
        new("feedbackReceived", "Ý kiến, phản ánh của người dân tiếp nhận", "ý kiến", FigureFormat.Count),
        new("feedbackAnsweredOnTime", "Ý kiến được trả lời đúng hạn", "ý kiến", FigureFormat.Count),
        new("feedbackOverdue", "Ý kiến quá hạn", "ý kiến", FigureFormat.Count),
        new("feedbackMedianDays", "Thời gian trả lời (trung vị)", "ngày làm việc", FigureFormat.Plain),
        new("satisfaction", "Mức độ hài lòng của người dân", "%", FigureFormat.Percent),
        new("feedbackOnTimeRate", "Tỷ lệ phản hồi đúng hạn", "%", FigureFormat.Percent, "feedback-on-time-rate"),
        new("dossierOnTimeRate", "Tỷ lệ hồ sơ thủ tục hành chính trả đúng hạn", "%", FigureFormat.Percent),
        new("publicWorkContributionsVnd", "Nhân dân đóng góp xây dựng công trình công cộng", "đồng", FigureFormat.Count),
    ];

    public static readonly FigureDef[] SocioEconomic =
    [
        new("households", "Tổng số hộ", "hộ", FigureFormat.Count, "households"),
        new("poorHouseholds", "Hộ nghèo", "hộ", FigureFormat.Count, "poor-households"),
        new("poorHouseholdRate", "Tỷ lệ hộ nghèo", "%", FigureFormat.Percent, "poor-household-rate"),
        new("nearPoorHouseholds", "Hộ cận nghèo", "hộ", FigureFormat.Count, "near-poor-households"),
        new("culturalFamilyRate", "Tỷ lệ hộ gia đình văn hóa", "%", FigureFormat.Percent, "cultural-family-rate"),
        new("incomePerCapita", "Thu nhập bình quân đầu người", "triệu đồng/năm", FigureFormat.Plain, "income-per-capita"),
        new("investmentTotal", "Tổng vốn đầu tư phát triển", "tỷ đồng", FigureFormat.Plain, "investment-total"),
        new("productionValue", "Tổng giá trị sản xuất", "tỷ đồng", FigureFormat.Plain, "production-value"),
    ];

    public static IEnumerable<FigureDef> All => Party.Concat(Citizens).Concat(SocioEconomic);

    /// <summary>The public summary for the commune and year, or an empty dictionary when it has none (year outside the commune's life).</summary>
    public async Task<Dictionary<string, object?>> SummaryAsync(string communeCode, int year, CancellationToken ct) =>
        await PublicSummaryEndpoints.FiguresForAsync(communeCode, year, tree, contributors, time, ct) ?? [];

    public async Task<YearFigures> ForYearAsync(OrgNode commune, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commune);
        var summary = await SummaryAsync(commune.Code, year, ct);
        // Indicators are read exactly as the dashboard reads them, so a report and the dashboard never disagree.
        var readings = await board.ReadAsync(commune, year, summary, ct);
        var byCode = readings.Where(r => r.Value is not null).ToDictionary(r => r.Indicator.Code, r => r.Value!.Value, StringComparer.Ordinal);

        var values = new List<FigureValue>();
        foreach (var def in All)
        {
            if (def.IndicatorCode is string code && byCode.TryGetValue(code, out var v))
            {
                values.Add(new FigureValue(def, v, "indicator"));
            }
            else if (Lookup(summary, def.Key) is decimal s)
            {
                values.Add(new FigureValue(def, s, "summary"));
            }
            else
            {
                values.Add(new FigureValue(def, null, "none"));
            }
        }

        var ntmStatus = (await ntm.CommuneStatusAsync(commune.Id, year, ct))
            .Where(x => x.Progress.Year == year)
            .Select(x => $"{x.Set.Name}: đạt {x.Progress.Met}/{x.Progress.Total} tiêu chí")
            .ToList();
        return new YearFigures(year, values, ntmStatus.Count == 0 ? null : string.Join("; ", ntmStatus));
    }

    /// <summary>A key's number; "ratings.good" reads the nested dictionary.</summary>
    private static decimal? Lookup(Dictionary<string, object?> summary, string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return summary.TryGetValue(key[..dot], out var outer) && outer is System.Collections.IDictionary inner && inner.Contains(key[(dot + 1)..])
                ? ToDecimal(inner[key[(dot + 1)..]])
                : null;
        }

        return summary.TryGetValue(key, out var value) ? ToDecimal(value) : null;
    }

    private static decimal? ToDecimal(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int i => i,
        long l => l,
        double x => (decimal)x,
        float f => (decimal)f,
        _ => null,
    };

    public static string Format(decimal v, FigureDef def) => def.Format switch
    {
        FigureFormat.Count => v.ToString("#,0.##", Vi),
        FigureFormat.Fraction => PartyDocument.Number(Math.Round(v * 100m, 1)) + "%",
        FigureFormat.Percent => PartyDocument.Number(Math.Round(v, 2)) + "%",
        _ => PartyDocument.Number(v),
    };
}
