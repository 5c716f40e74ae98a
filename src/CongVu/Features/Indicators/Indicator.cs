using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Indicators;

public enum IndicatorDirection
{
    /// <summary>More is better (income, cultural-family rate).</summary>
    HigherIsBetter = 1,

    /// <summary>Less is better (poverty rate).</summary>
    LowerIsBetter = 2,
}

public enum IndicatorScope
{
    Commune = 1,
    Hamlet = 2,
}

public enum IndicatorSource
{
    /// <summary>Typed in by a clerk from a named source (a statistics report, a decision).</summary>
    Entered = 1,

    /// <summary>Counted by CongVu from its own records (households, members, pledges, feedback, models).</summary>
    Computed = 2,
}

/// <summary>One indicator of the catalogue (chỉ tiêu), e.g. "poor-household-rate" in percent, lower is better.</summary>
public class IndicatorDefinition
{
    public int Id { get; set; }

    /// <summary>Stable key used in code, reports and the API, e.g. "income-per-capita".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? EnglishName { get; set; }

    /// <summary>Unit of measure as shown ("%", "triệu đồng/người/năm", "hộ").</summary>
    public required string Unit { get; set; }

    /// <summary>Group heading in dashboards and reports (e.g. "Kinh tế", "Xã hội", "Xây dựng Đảng").</summary>
    public string? Group { get; set; }

    public IndicatorDirection Direction { get; set; }

    public IndicatorScope Scope { get; set; }

    public IndicatorSource Source { get; set; }

    /// <summary>How the value is obtained: the formula for computed ones, the expected source for entered ones.</summary>
    public string? Method { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>The value of an indicator for one unit (commune or hamlet) and one year, with who entered it and from what.</summary>
public class IndicatorValue : IOrgOwned
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public IndicatorDefinition? Indicator { get; set; }

    /// <summary>The commune or hamlet the value describes.</summary>
    public int OrgUnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    public int Year { get; set; }

    public decimal Value { get; set; }

    /// <summary>Where the figure comes from (e.g. "Báo cáo thống kê năm 2020 của UBND xã").</summary>
    public string? SourceNote { get; set; }

    public string? EnteredBy { get; set; }

    public DateTime EnteredAt { get; set; }
}

/// <summary>A target for an indicator to reach by a year (e.g. poverty under 1% by 2025), set by a resolution.</summary>
public class IndicatorTarget : IOrgOwned
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public IndicatorDefinition? Indicator { get; set; }

    public int OrgUnitId { get; set; }

    public int Year { get; set; }

    public decimal Value { get; set; }

    /// <summary>The document that set it (e.g. "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020–2025").</summary>
    public string? Basis { get; set; }
}
