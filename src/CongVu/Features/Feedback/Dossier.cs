using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;

namespace CongVu.Features.Feedback;

/// <summary>A one-stop dossier as imported from the province's system; (OrgUnitId, Code) identifies it across imports.</summary>
public class Dossier : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public required string Code { get; set; }

    public required string Procedure { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? ReturnedOn { get; set; }

    public string? Official { get; set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>The due date before the one permitted reset (Nghị định 118/2025/NĐ-CP); null while never reset.</summary>
    public DateOnly? OriginalDueOn { get; set; }

    /// <summary>The reason given to the citizen in the apology letter.</summary>
    public string? DelayReason { get; set; }

    public DateTime? DueResetAt { get; set; }

    /// <summary>The apology letter's number, counted per office and calendar year as state documents are (Nghị định 30/2020/NĐ-CP).</summary>
    public int? ApologyNumber { get; set; }

    public bool WasReset => OriginalDueOn is not null;

    public DossierTimelinessStatus StatusOn(DateOnly today) => DossierTimeliness.StatusOf(DueOn, ReturnedOn, today);
}
