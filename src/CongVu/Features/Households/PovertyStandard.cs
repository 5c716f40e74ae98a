namespace CongVu.Features.Households;

/// <summary>
/// A multidimensional poverty standard for a span of years: income lines per person per month (VND) and the
/// number of deprivation indicators lacked from which a household is poor. Pure data + classification.
/// </summary>
public sealed record PovertyStandard(
    string Code,
    string Basis,
    int FromYear,
    int ToYear,
    decimal RuralLine,
    decimal UrbanLine,
    decimal? RuralUpperLine,
    decimal? UrbanUpperLine,
    int IndicatorCount)
{
    public const int DeprivationThreshold = 3;

    // QĐ 59/2015/QĐ-TTg Điều 2: poor = income ≤ 700k (rural) / 900k (urban), or income up to 1,000k / 1,300k lacking ≥ 3 of 10 indicators; near-poor = that band lacking < 3. Applied through 2021 (NĐ 07/2021 Điều 8).
    public static readonly PovertyStandard Qd59 = new("qd-59-2015", "Quyết định 59/2015/QĐ-TTg", 2016, 2021, 700_000m, 900_000m, 1_000_000m, 1_300_000m, 10);

    // NĐ 07/2021/NĐ-CP Điều 3: income ≤ 1.5M (rural) / 2.0M (urban); poor if lacking ≥ 3 of 12 indicators, near-poor if < 3.
    public static readonly PovertyStandard Nd07 = new("nd-07-2021", "Nghị định 07/2021/NĐ-CP", 2022, 2026, 1_500_000m, 2_000_000m, null, null, 12);

    // NĐ 351/2025/NĐ-CP: lines 2.2M (rural) / 2.8M (urban) for 2027–2030, same structure as NĐ 07.
    public static readonly PovertyStandard Nd351 = new("nd-351-2025", "Nghị định 351/2025/NĐ-CP", 2027, 2030, 2_200_000m, 2_800_000m, null, null, 12);

    public static readonly PovertyStandard[] All = [Qd59, Nd07, Nd351];

    /// <summary>The standard in force for a year; before 2016 and after 2030 the nearest one.</summary>
    public static PovertyStandard For(int year) =>
        All.FirstOrDefault(s => s.FromYear <= year && year <= s.ToYear) ?? (year < Qd59.FromYear ? Qd59 : Nd351);

    public decimal Line(HouseholdArea area) => area == HouseholdArea.Urban ? UrbanLine : RuralLine;

    public decimal? UpperLine(HouseholdArea area) => area == HouseholdArea.Urban ? UrbanUpperLine : RuralUpperLine;

    public PovertyClass Classify(HouseholdArea area, decimal? incomePerPersonMonth, int deprivations)
    {
        if (incomePerPersonMonth is not decimal income)
        {
            return PovertyClass.NotPoor;
        }

        var line = Line(area);
        if (UpperLine(area) is decimal upper)
        {
            // Two-band standard (QĐ 59): below the lower line is poor whatever the deprivations.
            if (income <= line)
            {
                return PovertyClass.Poor;
            }

            if (income <= upper)
            {
                return deprivations >= DeprivationThreshold ? PovertyClass.Poor : PovertyClass.NearPoor;
            }

            return PovertyClass.NotPoor;
        }

        if (income <= line)
        {
            return deprivations >= DeprivationThreshold ? PovertyClass.Poor : PovertyClass.NearPoor;
        }

        return PovertyClass.NotPoor;
    }
}
