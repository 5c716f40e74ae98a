using CongVu.Infrastructure.Data;

namespace CongVu.Features.Initiatives;

public enum CommendationLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
    PartyCommittee = 4,
}

public enum CommendationForm
{
    CertificateOfMerit = 1,
    Certificate = 2,
    Praise = 3,
}

/// <summary>
/// One commendation (khen thưởng) by a decision: for an initiative, a person or a cell. Owned by the unit
/// of its subject (the initiative's unit, the person's cell, the cell), so it follows that unit's scope.
/// </summary>
public class Commendation : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public CommendationLevel Level { get; set; }

    public CommendationForm Form { get; set; }

    public required string DecisionNumber { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>Who signed it: "Chủ tịch UBND tỉnh Trà Vinh".</summary>
    public string? IssuedBy { get; set; }

    public int? InitiativeId { get; set; }

    public int? PersonId { get; set; }

    /// <summary>A cell commended as a whole.</summary>
    public int? CellId { get; set; }

    /// <summary>The achievement cited in the decision.</summary>
    public required string Citation { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public static string LevelName(CommendationLevel l) => l switch
    {
        CommendationLevel.Province => "Cấp tỉnh",
        CommendationLevel.District => "Cấp huyện",
        CommendationLevel.Commune => "Cấp xã",
        _ => "Đảng ủy",
    };

    public static string FormName(CommendationForm f) => f switch
    {
        CommendationForm.CertificateOfMerit => "Bằng khen",
        CommendationForm.Certificate => "Giấy khen",
        _ => "Biểu dương",
    };

    public string Title => FormName(Form) + " " + LevelName(Level).ToLowerInvariant();
}
