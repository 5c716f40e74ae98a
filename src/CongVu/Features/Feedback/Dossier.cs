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

    public DossierTimelinessStatus StatusOn(DateOnly today) => DossierTimeliness.StatusOf(DueOn, ReturnedOn, today);
}
