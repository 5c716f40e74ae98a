using CongVu.Infrastructure.Data;

namespace CongVu.Features.Pledges;

public enum PledgeState
{
    Draft = 1,
    Submitted = 2,
    Acknowledged = 3,
    Returned = 4,
}

public enum PledgeOutcome
{
    NotReported = 0,
    Kept = 1,
    Partly = 2,
    NotKept = 3,
}

/// <summary>A yearly pledge under Chỉ thị 05-CT/TW: a member's (PersonId set) or a cell's collective one (PersonId null). Owned by the cell.</summary>
public class Pledge : IOrgOwned
{
    public int Id { get; set; }

    public int RatingYearId { get; set; }

    /// <summary>The cell: the member's cell for a personal pledge, the cell itself for a collective one.</summary>
    public int OrgUnitId { get; set; }

    public int? PersonId { get; set; }

    public PledgeState State { get; set; } = PledgeState.Draft;

    /// <summary>"Làm theo Bác" commitments: what to study, practise and do.</summary>
    public string? FollowUncleHo { get; set; }

    /// <summary>The model (mô hình làm theo Bác) joined or built.</summary>
    public string? Model { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Set when staff entered the pledge for a member (no smartphone): who did it.</summary>
    public string? EnteredOnBehalfBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? ReturnComment { get; set; }

    public DateTime? ReportedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<PledgeItem> Items { get; set; } = [];

    public static string StateName(PledgeState s) => s switch
    {
        PledgeState.Draft => "Bản nháp",
        PledgeState.Submitted => "Đã nộp, chờ chi bộ xác nhận",
        PledgeState.Acknowledged => "Chi bộ đã xác nhận",
        _ => "Bị trả lại để sửa",
    };

    public static string OutcomeName(PledgeOutcome o) => o switch
    {
        PledgeOutcome.Kept => "Đã thực hiện",
        PledgeOutcome.Partly => "Thực hiện một phần",
        PledgeOutcome.NotKept => "Chưa thực hiện",
        _ => "Chưa báo cáo",
    };
}

/// <summary>One commitment of a pledge, tied to a criterion of the year's conduct code.</summary>
public class PledgeItem
{
    public int Id { get; set; }

    public int PledgeId { get; set; }

    public string? CriterionCode { get; set; }

    public required string Commitment { get; set; }

    public PledgeOutcome Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public int SortOrder { get; set; }
}
