namespace CongVu.Features.Feedback.Schedules;

/// <summary>A year's official public-sector schedule as stored: weekdays off, weekend days worked and the notice announcing them.</summary>
public class OfficialScheduleYear
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public int Year { get; set; }

    public List<DateOnly> DaysOff { get; set; } = [];

    public List<DateOnly> WorkedDays { get; set; } = [];

    /// <summary>The notice's number and text, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025".</summary>
    public required string Source { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
