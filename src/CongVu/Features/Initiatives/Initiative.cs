using CongVu.Infrastructure.Data;

namespace CongVu.Features.Initiatives;

public enum InitiativeStatus
{
    Proposed = 1,
    Approved = 2,
    Running = 3,
    Evaluated = 4,
    Typical = 5,
    Discontinued = 6,
}

/// <summary>Who put the model forward: a cell, the commune committee, a mass organisation or one member.</summary>
public enum ProposerKind
{
    Cell = 1,
    Committee = 2,
    MassOrganisation = 3,
    Member = 4,
}

/// <summary>
/// A model of "studying and following Uncle Hồ" (mô hình làm theo Bác, Chỉ thị 05-CT/TW): owned by the
/// unit that runs it (a cell, the committee or an agency), screened by the committee, possibly recognised typical.
/// </summary>
public class Initiative : IOrgOwned
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public ProposerKind Proposer { get; set; } = ProposerKind.Cell;

    /// <summary>The member who runs it, when a member proposed it.</summary>
    public int? OwnerPersonId { get; set; }

    /// <summary>Who leads it, as shown: "Bí thư Chi bộ ấp Cây Gòn", "Hội Phụ nữ xã".</summary>
    public required string OwnerName { get; set; }

    public required string Title { get; set; }

    public required string Goal { get; set; }

    public DateOnly StartOn { get; set; }

    public InitiativeStatus Status { get; set; } = InitiativeStatus.Proposed;

    /// <summary>The day the committee recognised it typical (tiêu biểu); kept if it is later discontinued.</summary>
    public DateOnly? RecognisedOn { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>Conduct criteria it serves, comma-separated codes ("3D-2,3N-1").</summary>
    public string? CriterionCodes { get; set; }

    /// <summary>Pledge items (Features/Pledges) it carries out, comma-separated ids.</summary>
    public string? PledgeItemIds { get; set; }

    /// <summary>The typical model this one replicates (another cell adopting it).</summary>
    public int? ReplicatedFromId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<InitiativeTarget> Targets { get; set; } = [];

    public List<InitiativeEvent> Events { get; set; } = [];

    public List<InitiativeUpdate> Updates { get; set; } = [];

    public List<InitiativeScreening> Screenings { get; set; } = [];

    public IEnumerable<string> Criteria => (CriterionCodes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string StatusName(InitiativeStatus s) => s switch
    {
        InitiativeStatus.Proposed => "Đề xuất",
        InitiativeStatus.Approved => "Đã duyệt",
        InitiativeStatus.Running => "Đang thực hiện",
        InitiativeStatus.Evaluated => "Đã thẩm định",
        InitiativeStatus.Typical => "Tiêu biểu",
        _ => "Đã dừng",
    };

    public static string ProposerName(ProposerKind k) => k switch
    {
        ProposerKind.Cell => "Chi bộ",
        ProposerKind.Committee => "Đảng ủy xã",
        ProposerKind.MassOrganisation => "Mặt trận, đoàn thể",
        _ => "Đảng viên",
    };
}

/// <summary>An expected result as a measurable target: "km đường hoa", "học sinh được giúp đỡ", "chai nhựa".</summary>
public class InitiativeTarget
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public decimal Target { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One step of the status history, with its reason and who took it.</summary>
public class InitiativeEvent
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public InitiativeStatus? From { get; set; }

    public InitiativeStatus To { get; set; }

    public DateOnly OnDate { get; set; }

    public string? Reason { get; set; }

    public string? By { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A progress report: what was done by a day, the figures reached so far, photos.</summary>
public class InitiativeUpdate
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public DateOnly OnDate { get; set; }

    public required string Text { get; set; }

    public string? By { get; set; }

    public DateTime At { get; set; }

    public List<InitiativeFigure> Figures { get; set; } = [];

    public List<InitiativePhoto> Photos { get; set; } = [];
}

/// <summary>The value a target reached by the update's day (cumulative, so the latest figure is the result).</summary>
public class InitiativeFigure
{
    public int Id { get; set; }

    public int UpdateId { get; set; }

    public int TargetId { get; set; }

    public InitiativeTarget? Target { get; set; }

    public decimal Value { get; set; }
}

/// <summary>A photo of a progress update, stored re-encoded (no EXIF); public only while its model is typical.</summary>
public class InitiativePhoto : IOrgOwned
{
    public int Id { get; set; }

    public int UpdateId { get; set; }

    public int InitiativeId { get; set; }

    public int OrgUnitId { get; set; }

    public string ContentType { get; set; } = "image/jpeg";

    public byte[] Data { get; set; } = [];

    public string Caption { get; set; } = string.Empty;
}

/// <summary>The committee's screening (thẩm định) of a model: a scored checklist and the reasons.</summary>
public class InitiativeScreening
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public DateOnly OnDate { get; set; }

    /// <summary>Points per checklist item, in <see cref="ScreeningChecklist.Items"/> order, comma-separated.</summary>
    public string Scores { get; set; } = string.Empty;

    public int Total { get; set; }

    public bool Passed { get; set; }

    public required string Reasons { get; set; }

    public string? By { get; set; }

    public DateTime At { get; set; }
}
