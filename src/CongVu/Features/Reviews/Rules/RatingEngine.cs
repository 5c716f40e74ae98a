using System.Globalization;

namespace CongVu.Features.Reviews.Rules;

/// <summary>The four rating levels, lowest first, so a higher value is a better level.</summary>
public enum RatingLevel
{
    NotCompleted = 1,
    Completed = 2,
    Good = 3,
    Excellent = 4,
}

/// <summary>Which regulation a year is rated under; each year keeps the one it used.</summary>
public enum RuleSet
{
    // Quy định 132-QĐ/TW (08/3/2018): qualitative.
    Qd132 = 132,

    // Quy định 124-QĐ/TW (2023): qualitative, 4 levels.
    Qd124 = 124,

    // Quy định 366-QĐ/TW (30/8/2025) with Hướng dẫn 43-HD/BTCTW: 100-point score plus gates.
    Qd366 = 366,
}

/// <summary>Discipline levels for party members, lightest first (Quy định 69-QĐ/TW).</summary>
public enum DisciplineLevel
{
    Reprimand = 1,
    Warning = 2,
    Dismissal = 3,
    Expulsion = 4,
}

/// <summary>What the engine needs to rate one member; percentages are 0–100 of the year's tasks.</summary>
public sealed record RatingInput(
    RuleSet RuleSet,
    decimal Score,
    decimal DonePercent,
    decimal OnTimePercent,
    decimal ExceededPercent,
    bool PriorShortcomingsRemedied,
    DisciplineLevel? DutyDisciplineInPeriod = null,
    bool DegradationConcluded = false,
    string? Mitigation = null,
    RatingLevel? DecidedLevel = null);

public sealed record RatingResult(RatingLevel Level, IReadOnlyList<string> Steps)
{
    public string Explanation => string.Join(Environment.NewLine, Steps);
}

/// <summary>Computes a member's level from the score, the gates and the disqualifiers of the year's rule set; pure.</summary>
public static class RatingEngine
{
    public static string Name(RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        RatingLevel.Good => "Hoàn thành tốt nhiệm vụ",
        RatingLevel.Completed => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };

    public static string RuleSetName(RuleSet ruleSet) => ruleSet switch
    {
        RuleSet.Qd366 => "Quy định 366-QĐ/TW (2025)",
        RuleSet.Qd124 => "Quy định 124-QĐ/TW (2023)",
        _ => "Quy định 132-QĐ/TW (2018)",
    };

    /// <summary>Level by score alone. QĐ 366-QĐ/TW, HD 43-HD/BTCTW: ≥90 XS; 70–&lt;90 Tốt; 50–&lt;70 HT; &lt;50 KHT.</summary>
    public static RatingLevel Band(decimal score) => score switch
    {
        >= 90m => RatingLevel.Excellent,
        >= 70m => RatingLevel.Good,
        >= 50m => RatingLevel.Completed,
        _ => RatingLevel.NotCompleted,
    };

    public static RatingResult Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var steps = new List<string>();
        if (input.RuleSet != RuleSet.Qd366)
        {
            // QĐ 124-QĐ/TW and QĐ 132-QĐ/TW rate by qualitative criteria: the competent level's decision stands.
            var given = input.DecidedLevel ?? throw new ArgumentException("Quy định định tính cần mức do cấp có thẩm quyền quyết định.", nameof(input));
            steps.Add($"Năm đánh giá theo {RuleSetName(input.RuleSet)}: xếp loại định tính, không chấm điểm.");
            steps.Add($"Lấy mức do cấp có thẩm quyền quyết định: {Name(given)}.");
            return new RatingResult(given, steps);
        }

        var c = CultureInfo.GetCultureInfo("vi-VN");
        var score = input.Score;
        if (score is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "Điểm phải từ 0 đến 100.");
        }

        var band = Band(score);
        steps.Add($"1. Tổng điểm {score.ToString("0.##", c)}/100 → theo khung điểm: {Name(band)} (QĐ 366-QĐ/TW: ≥90 xuất sắc; 70 đến dưới 90 tốt; 50 đến dưới 70 hoàn thành; dưới 50 không hoàn thành).");

        var notDone = 100m - input.DonePercent;
        var late = input.DonePercent - input.OnTimePercent;
        var mitigated = !string.IsNullOrWhiteSpace(input.Mitigation);
        var reasons = new List<string>();
        // QĐ 366-QĐ/TW: discipline of reprimand or heavier in the period for duty-related violations → KHT.
        if (input.DutyDisciplineInPeriod is DisciplineLevel d)
        {
            reasons.Add($"bị kỷ luật ({DisciplineName(d)}) trong kỳ do vi phạm liên quan đến chức trách, nhiệm vụ");
        }

        // QĐ 366-QĐ/TW: concluded degradation of political ideology, ethics, lifestyle, "tự diễn biến", "tự chuyển hóa" → KHT.
        if (input.DegradationConcluded)
        {
            reasons.Add("có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"");
        }

        // QĐ 366-QĐ/TW: more than 50% of the year's tasks not done → KHT.
        if (notDone > 50m)
        {
            reasons.Add($"có {notDone.ToString("0.##", c)}% nhiệm vụ không hoàn thành (trên 50%)");
        }

        if (reasons.Count > 0 && !mitigated)
        {
            steps.Add("2. Điều kiện loại trừ: " + string.Join("; ", reasons) + " → Không hoàn thành nhiệm vụ, bất kể số điểm.");
            return new RatingResult(RatingLevel.NotCompleted, steps);
        }

        steps.Add(reasons.Count > 0
            ? $"2. Điều kiện loại trừ: {string.Join("; ", reasons)}; cấp quyết định đã ghi nhận tình tiết giảm nhẹ (tự phát hiện, khắc phục): \"{input.Mitigation!.Trim()}\" → không áp dụng loại trừ."
            : "2. Không có điều kiện loại trừ (kỷ luật từ khiển trách trở lên, kết luận suy thoái, trên 50% nhiệm vụ không hoàn thành).");

        var level = band;
        var n = 3;
        while (level > RatingLevel.NotCompleted)
        {
            var failed = FailedGate(level, input, late, c);
            if (failed is null)
            {
                steps.Add($"{n}. Điều kiện của mức {Name(level)}: đạt.");
                break;
            }

            var lower = level - 1;
            steps.Add($"{n}. Điều kiện của mức {Name(level)}: không đạt ({failed}) → hạ xuống mức cao nhất còn đạt điều kiện, xét {Name(lower)}.");
            level = lower;
            n++;
        }

        steps.Add($"Kết quả: {Name(level)}.");
        return new RatingResult(level, steps);
    }

    private static string? FailedGate(RatingLevel level, RatingInput i, decimal late, CultureInfo c)
    {
        var missing = new List<string>();
        switch (level)
        {
            case RatingLevel.Excellent:
                // QĐ 366-QĐ/TW: XS needs 100% of tasks on time, ≥30% exceeding, previous shortcomings remedied.
                if (i.OnTimePercent < 100m)
                {
                    missing.Add($"chỉ {i.OnTimePercent.ToString("0.##", c)}% nhiệm vụ hoàn thành đúng hạn, cần 100%");
                }

                if (i.ExceededPercent < 30m)
                {
                    missing.Add($"{i.ExceededPercent.ToString("0.##", c)}% nhiệm vụ vượt yêu cầu, cần ít nhất 30%");
                }

                if (!i.PriorShortcomingsRemedied)
                {
                    missing.Add("chưa khắc phục hạn chế, khuyết điểm đã chỉ ra ở kỳ trước");
                }

                break;
            case RatingLevel.Good:
                // QĐ 366-QĐ/TW: Tốt needs 100% of tasks done on time.
                if (i.OnTimePercent < 100m)
                {
                    missing.Add($"chỉ {i.OnTimePercent.ToString("0.##", c)}% nhiệm vụ hoàn thành đúng hạn, cần 100%");
                }

                break;
            case RatingLevel.Completed:
                // QĐ 366-QĐ/TW: HT needs 100% of tasks done, at most 20% of them late.
                if (i.DonePercent < 100m)
                {
                    missing.Add($"chỉ hoàn thành {i.DonePercent.ToString("0.##", c)}% nhiệm vụ, cần 100%");
                }

                if (late > 20m)
                {
                    missing.Add($"{late.ToString("0.##", c)}% nhiệm vụ chậm tiến độ, tối đa 20%");
                }

                break;
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    public static string DisciplineName(DisciplineLevel level) => level switch
    {
        DisciplineLevel.Reprimand => "khiển trách",
        DisciplineLevel.Warning => "cảnh cáo",
        DisciplineLevel.Dismissal => "cách chức",
        _ => "khai trừ",
    };
}

public sealed record QuotaResult(bool Allowed, int Excellent, int Good, int Maximum, int PercentApplied, string Message);

/// <summary>The cap on Xuất sắc within a comparison group; pure.</summary>
public static class QuotaCheck
{
    /// <summary>QĐ 366-QĐ/TW: count(XS) ≤ 20% of count(Tốt), 25% with a decision for an organisation with outstanding achievements.</summary>
    public static int Maximum(int goodCount, bool exceptionDecided) =>
        goodCount <= 0 ? 0 : goodCount * (exceptionDecided ? 25 : 20) / 100;

    public static QuotaResult Check(int excellentCount, int goodCount, bool exceptionDecided, string groupName)
    {
        var percent = exceptionDecided ? 25 : 20;
        var max = Maximum(goodCount, exceptionDecided);
        var allowed = excellentCount <= max;
        var message = allowed
            ? $"{groupName}: {excellentCount} xuất sắc / {goodCount} tốt — trong tỷ lệ cho phép (tối đa {max}, {percent}% số hoàn thành tốt)."
            : $"{groupName}: {excellentCount} đảng viên được đề nghị Hoàn thành xuất sắc nhưng chỉ có {goodCount} Hoàn thành tốt, nên tối đa {max} xuất sắc ({percent}% số Hoàn thành tốt, QĐ 366-QĐ/TW). Cần giảm {excellentCount - max} trường hợp"
              + (exceptionDecided ? "." : " hoặc ghi nhận quyết định cho phép 25% đối với tổ chức có thành tích nổi bật.");
        return new QuotaResult(allowed, excellentCount, goodCount, max, percent, message);
    }
}
