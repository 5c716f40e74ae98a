using System.Globalization;

namespace CongVu.Features.Initiatives;

/// <summary>
/// The status workflow: proposed → approved → running → evaluated → typical, or discontinued.
/// Pure, so each rule is tested directly. Evaluated is reached only by a screening (thẩm định),
/// and only the committee recognises a model typical (Hướng dẫn thực hiện Chỉ thị 05-CT/TW).
/// </summary>
public static class InitiativeWorkflow
{
    /// <summary>The moves a user may pick on the details page (Evaluated is left out: the screening form makes it).</summary>
    public static IEnumerable<InitiativeStatus> Next(InitiativeStatus from, bool committee) => from switch
    {
        InitiativeStatus.Proposed => committee ? [InitiativeStatus.Approved, InitiativeStatus.Discontinued] : [],
        InitiativeStatus.Approved => committee ? [InitiativeStatus.Running, InitiativeStatus.Discontinued] : [InitiativeStatus.Running],
        InitiativeStatus.Running => committee ? [InitiativeStatus.Discontinued] : [],
        InitiativeStatus.Evaluated => committee ? [InitiativeStatus.Typical, InitiativeStatus.Running, InitiativeStatus.Discontinued] : [],
        InitiativeStatus.Typical => committee ? [InitiativeStatus.Discontinued] : [],
        _ => committee ? [InitiativeStatus.Running] : [],
    };

    /// <summary>Null when the move is allowed, else the reason in Vietnamese.</summary>
    public static string? Check(InitiativeStatus from, InitiativeStatus to, bool committee, bool screened, bool screeningPassed, string? reason)
    {
        if (to == InitiativeStatus.Evaluated)
        {
            return from == InitiativeStatus.Running && committee && screened
                ? null
                : "Chỉ Đảng ủy chuyển sang \"đã thẩm định\", bằng phiếu thẩm định có chấm điểm.";
        }

        if (to == InitiativeStatus.Typical && !committee)
        {
            return "Chỉ Đảng ủy (Ban Thường vụ) công nhận mô hình tiêu biểu.";
        }

        if (to == InitiativeStatus.Typical && (from != InitiativeStatus.Evaluated || !screeningPassed))
        {
            return "Mô hình phải qua thẩm định và đạt yêu cầu trước khi được công nhận tiêu biểu.";
        }

        if (!Next(from, committee).Contains(to))
        {
            return from == InitiativeStatus.Discontinued
                ? "Mô hình đã dừng: chỉ Đảng ủy mở lại được, kèm lý do."
                : $"Không chuyển được từ \"{Initiative.StatusName(from)}\" sang \"{Initiative.StatusName(to)}\".";
        }

        if (NeedsReason(from, to) && string.IsNullOrWhiteSpace(reason))
        {
            return "Vui lòng ghi lý do.";
        }

        return null;
    }

    /// <summary>Stopping, reopening, sending back and recognising are decisions: their reasons are kept.</summary>
    public static bool NeedsReason(InitiativeStatus from, InitiativeStatus to) =>
        to is InitiativeStatus.Discontinued or InitiativeStatus.Typical
        || from is InitiativeStatus.Discontinued or InitiativeStatus.Evaluated;

    /// <summary>Progress is reported while a model is carried out, including after it is recognised.</summary>
    public static bool AcceptsUpdates(InitiativeStatus s) =>
        s is InitiativeStatus.Approved or InitiativeStatus.Running or InitiativeStatus.Evaluated or InitiativeStatus.Typical;

    /// <summary>The cell edits its proposal until the committee has screened it.</summary>
    public static bool Editable(InitiativeStatus s) =>
        s is InitiativeStatus.Proposed or InitiativeStatus.Approved or InitiativeStatus.Running;
}

/// <summary>The committee's screening checklist: five items, 100 points, a model passes at 70 with no item at zero.</summary>
public static class ScreeningChecklist
{
    public sealed record Item(string Code, string Text, int Max);

    public const int PassMark = 70;

    public static readonly Item[] Items =
    [
        new("noi-dung", "Gắn với nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chuẩn mực đạo đức của Đảng bộ", 20),
        new("hieu-qua", "Hiệu quả thiết thực, đo được, mang lại lợi ích cho nhân dân", 30),
        new("tham-gia", "Thu hút sự tham gia, đồng tình của đảng viên và nhân dân", 20),
        new("ben-vung", "Duy trì thường xuyên, bền vững", 15),
        new("nhan-rong", "Có khả năng nhân rộng ở chi bộ, đơn vị khác", 15),
    ];

    /// <summary>Validates the points; returns an error or the total.</summary>
    public static (int Total, string? Error) Score(IReadOnlyList<int> points)
    {
        if (points.Count != Items.Length)
        {
            return (0, "Vui lòng chấm đủ các tiêu chí.");
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (points[i] < 0 || points[i] > Items[i].Max)
            {
                return (0, $"Điểm tiêu chí \"{Items[i].Text}\" phải từ 0 đến {Items[i].Max}.");
            }
        }

        return (points.Sum(), null);
    }

    public static bool Passes(IReadOnlyList<int> points) => points.Sum() >= PassMark && points.All(p => p > 0);

    public static string Join(IEnumerable<int> points) => string.Join(',', points.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    public static int[] Split(string scores) =>
        scores.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}

public sealed record ContributionTotal(string Key, int Count, decimal LandM2, decimal Trees, decimal Workdays, decimal MoneyVnd, decimal EstimatedValueVnd);

/// <summary>Totals of contributions per work, per hamlet and per year (in memory: SQLite cannot sum decimals in SQL).</summary>
public static class ContributionTotals
{
    public static ContributionTotal Of(string key, IEnumerable<Contribution> rows)
    {
        var list = rows.ToList();
        return new ContributionTotal(
            key,
            list.Count,
            list.Where(c => c.Kind == ContributionKind.Land).Sum(c => c.Quantity),
            list.Where(c => c.Kind == ContributionKind.FruitTrees).Sum(c => c.Quantity),
            list.Where(c => c.Kind == ContributionKind.Workdays).Sum(c => c.Quantity),
            list.Where(c => c.Kind is ContributionKind.Money).Sum(c => c.Quantity),
            list.Sum(c => c.EstimatedValueVnd));
    }

    public static List<ContributionTotal> By<TKey>(IEnumerable<Contribution> rows, Func<Contribution, TKey> key, Func<TKey, string> name)
        where TKey : notnull =>
        rows.GroupBy(key).Select(g => Of(name(g.Key), g)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

    /// <summary>How a donor is named in public: by name only with consent.</summary>
    public static string PublicDonor(Contribution c, string? hamletName) =>
        c.PublicConsent
            ? c.DonorName + (c.DonorFrom is null ? string.Empty : " (" + c.DonorFrom + ")")
            : hamletName is null ? "Một nhà hảo tâm" : "Một hộ ở " + Lower(hamletName);

    private static string Lower(string hamlet) =>
        hamlet.StartsWith("Ấp ", StringComparison.Ordinal) ? "ấp " + hamlet[3..] : hamlet.StartsWith("Khóm ", StringComparison.Ordinal) ? "khóm " + hamlet[5..] : hamlet;
}
