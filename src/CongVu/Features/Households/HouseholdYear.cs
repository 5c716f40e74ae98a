using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Households;

public enum HouseholdArea
{
    Rural = 1,
    Urban = 2,
}

public enum PovertyClass
{
    NotPoor = 0,
    NearPoor = 1,
    Poor = 2,
}

/// <summary>
/// A household's facts for one year: where it lived that year, its income and deprivations, the poverty
/// class under that year's standard, and whether it was granted the cultural-family title.
/// </summary>
public class HouseholdYear : IOrgOwned
{
    public int Id { get; set; }

    public int HouseholdId { get; set; }

    public Household? Household { get; set; }

    public int Year { get; set; }

    /// <summary>The hamlet the household belonged to in that year (a merged hamlet keeps its old years).</summary>
    public int OrgUnitId { get; set; }

    public HouseholdArea Area { get; set; } = HouseholdArea.Rural;

    /// <summary>Average income per person per month, VND.</summary>
    public decimal? IncomePerPersonMonth { get; set; }

    /// <summary>How many of the standard's deprivation indicators the household lacks.</summary>
    public int Deprivations { get; set; }

    /// <summary>Classified from income and deprivations with the standard of the year (see PovertyStandard).</summary>
    public PovertyClass Poverty { get; set; }

    public bool CulturalFamily { get; set; }

    /// <summary>Why the title was not granted: a code of CulturalFamilyRules.Exclusions.</summary>
    public string? CulturalExclusion { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
