namespace CongVu.Features.Feedback.Rules;

/// <summary>
/// A year's official schedule for the public sector (the Prime Minister's decision as announced by Bộ Nội vụ):
/// the weekdays off (holidays, compensatory and swapped days) and the weekend days worked instead.
/// When present it replaces the days computed from the Labour Code for that year.
/// </summary>
public sealed record OfficialSchedule(int Year, IReadOnlyCollection<DateOnly> DaysOff, IReadOnlyCollection<DateOnly> WorkedWeekendDays, string Source);

/// <summary>
/// Working days for state offices: Monday–Friday minus public holidays (Bộ luật Lao động 2019, Điều 112),
/// with compensatory days (Điều 111 khoản 3), overridden by each year's official schedule, and periods
/// counted as Bộ luật Dân sự 2015, Điều 147–148 say. Pure: no clock, no database.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, OfficialSchedule> _official;
    private readonly Dictionary<int, HashSet<DateOnly>> _computed = [];
    private readonly Lock _gate = new();

    public WorkingDayCalendar(IEnumerable<OfficialSchedule>? officialSchedules = null, WorkingHours? hours = null)
    {
        _official = (officialSchedules ?? []).GroupBy(s => s.Year).ToDictionary(g => g.Key, g => g.Last());
        Hours = hours ?? WorkingHours.Default;
    }

    /// <summary>The office's two daily sessions (Vietnam time), used by half-day and working-hour deadlines.</summary>
    public WorkingHours Hours { get; }

    /// <summary>The calendar with the seeded official schedules of 2025 and 2026.</summary>
    public static WorkingDayCalendar Default { get; } = new(OfficialSchedules.Known);

    public bool HasOfficialSchedule(int year) => _official.ContainsKey(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_official.TryGetValue(day.Year, out var schedule))
        {
            if (schedule.WorkedWeekendDays.Contains(day))
            {
                return true;
            }

            return !IsWeekend(day) && !schedule.DaysOff.Contains(day);
        }

        return !IsWeekend(day) && !ComputedDaysOff(day.Year).Contains(day);
    }

    /// <summary>
    /// The deadline n working days after the day of receipt: that day is not counted (BLDS 2015, Điều 147 khoản 1),
    /// so the deadline is the n-th working day after it; n = 0 means the same day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly receivedOn, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = receivedOn;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>A period of calendar days: starts the day after, and if it ends on a day off it ends at the end of the next working day (BLDS 2015, Điều 148 khoản 5).</summary>
    public DateOnly EndOfCalendarPeriod(DateOnly start, int days)
    {
        var end = start.AddDays(days);
        return NextWorkingDayOnOrAfter(end);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Working days from the day after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The statutory holidays of a year computed from the rules, before compensatory days.</summary>
    public static IReadOnlyList<(DateOnly Day, string Name)> StatutoryHolidays(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var list = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Tết Dương lịch"),
            // Five Tết days; without an announcement assume the last day of the old year plus mùng 1–4.
            (tet.AddDays(-1), "Tết Âm lịch"),
            (tet, "Tết Âm lịch"),
            (tet.AddDays(1), "Tết Âm lịch"),
            (tet.AddDays(2), "Tết Âm lịch"),
            (tet.AddDays(3), "Tết Âm lịch"),
            (VietnameseLunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương"),
            (new DateOnly(year, 4, 30), "Ngày Chiến thắng"),
            (new DateOnly(year, 5, 1), "Quốc tế Lao động"),
            // Quốc khánh is 2/9 plus an adjacent day; the day before is assumed until the year's notice.
            (new DateOnly(year, 9, 1), "Quốc khánh"),
            (new DateOnly(year, 9, 2), "Quốc khánh"),
        };
        return list.OrderBy(h => h.Item1).ToList();
    }

    /// <summary>Weekdays off computed from the rules: holidays on weekdays plus a compensatory weekday for each holiday on a weekend (BLLĐ 2019, Điều 111 khoản 3).</summary>
    public IReadOnlySet<DateOnly> ComputedDaysOff(int year)
    {
        lock (_gate)
        {
            if (_computed.TryGetValue(year, out var cached))
            {
                return cached;
            }

            var holidays = StatutoryHolidays(year).Select(h => h.Day).ToHashSet();
            var off = holidays.Where(d => !IsWeekend(d)).ToHashSet();
            foreach (var day in holidays.Order().Where(IsWeekend))
            {
                var comp = day.AddDays(1);
                while (IsWeekend(comp) || holidays.Contains(comp) || off.Contains(comp))
                {
                    comp = comp.AddDays(1);
                }

                off.Add(comp);
            }

            _computed[year] = off;
            return off;
        }
    }

    /// <summary>
    /// The deadline n working half-days after receipt (local Vietnam time): the half-day of receipt is not counted,
    /// and a receipt outside office hours belongs to the next half-day (BLDS 2015, Điều 147 applied per session).
    /// Returns the end of the n-th half-day; n = 0 means the end of the receipt's half-day.
    /// </summary>
    public DateTime AddWorkingHalfDays(DateTime receivedLocal, int halfDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfDays);
        var (day, afternoon) = ReceiptHalfDay(receivedLocal);
        for (var i = 0; i < halfDays; i++)
        {
            (day, afternoon) = afternoon ? (NextWorkingDayOnOrAfter(day.AddDays(1)), false) : (day, true);
        }

        return day.ToDateTime(afternoon ? Hours.AfternoonEnd : Hours.MorningEnd);
    }

    /// <summary>The moment a period of working time ends when it starts at receipt; time outside the sessions and days off does not run.</summary>
    public DateTime AddWorkingHours(DateTime receivedLocal, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var (day, afternoon) = ReceiptHalfDay(receivedLocal);
        var time = TimeOnly.FromDateTime(receivedLocal);
        var start = afternoon ? Hours.AfternoonStart : Hours.MorningStart;
        var cursor = day == DateOnly.FromDateTime(receivedLocal) && time > start ? time : start;
        var left = workingTime;
        while (true)
        {
            var end = afternoon ? Hours.AfternoonEnd : Hours.MorningEnd;
            var available = end - cursor;
            if (left <= available)
            {
                return day.ToDateTime(cursor).Add(left);
            }

            left -= available;
            (day, afternoon) = afternoon ? (NextWorkingDayOnOrAfter(day.AddDays(1)), false) : (day, true);
            cursor = afternoon ? Hours.AfternoonStart : Hours.MorningStart;
        }
    }

    /// <summary>The working half-day a receipt belongs to: the session it falls in, else the next session to open.</summary>
    public (DateOnly Day, bool Afternoon) ReceiptHalfDay(DateTime receivedLocal)
    {
        var day = DateOnly.FromDateTime(receivedLocal);
        var time = TimeOnly.FromDateTime(receivedLocal);
        if (IsWorkingDay(day))
        {
            if (time < Hours.MorningEnd)
            {
                return (day, false);
            }

            if (time < Hours.AfternoonEnd)
            {
                return (day, true);
            }
        }

        return (NextWorkingDayOnOrAfter(day.AddDays(1)), false);
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>Office sessions in Vietnam time; data, because provinces set their own hours (default 7:00–11:00 and 13:00–17:00).</summary>
public sealed record WorkingHours(TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
{
    public static WorkingHours Default { get; } = new(new(7, 0), new(11, 0), new(13, 0), new(17, 0));

    /// <summary>Why these hours cannot be used, or null: each session must start before it ends, the morning before the afternoon.</summary>
    public string? Problem() =>
        MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd
            ? null
            : "Giờ làm việc không hợp lệ: buổi sáng phải trước buổi chiều và mỗi buổi phải bắt đầu trước khi kết thúc.";
}

/// <summary>The official public-sector schedules seeded with the app.</summary>
public static class OfficialSchedules
{
    /// <summary>
    /// 2025: 1/1; Tết 27–31/01 (off 25/01–02/02); Giỗ Tổ 07/04; 30/4–1/5 with Fri 2/5 swapped for Sat 26/4 (off 30/4–4/5);
    /// Quốc khánh 1–2/9 (off 30/8–2/9). Checked against published notices of the schedule (25/11/2026): all days match.
    /// </summary>
    public static readonly OfficialSchedule Year2025 = new(
        2025,
        [
            new(2025, 1, 1),
            new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31),
            new(2025, 4, 7),
            new(2025, 4, 30), new(2025, 5, 1), new(2025, 5, 2),
            new(2025, 9, 1), new(2025, 9, 2),
        ],
        [new(2025, 4, 26)],
        "Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng đồng ý lịch nghỉ Tết và các dịp lễ năm 2025), Bộ LĐTBXH thông báo");

    /// <summary>
    /// 2026 (Thông báo 9441/TB-BNV, 16/10/2025): 1/1; Tết 16–20/02 (off 14–22/02); Giỗ Tổ Sun 26/4 → Mon 27/4;
    /// 30/4–1/5; Quốc khánh 1–2/9 with Mon 31/8 swapped for Sat 22/8 (off 29/8–2/9).
    /// </summary>
    public static readonly OfficialSchedule Year2026 = new(
        2026,
        [
            new(2026, 1, 1),
            new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20),
            new(2026, 4, 27),
            new(2026, 4, 30), new(2026, 5, 1),
            new(2026, 8, 31), new(2026, 9, 1), new(2026, 9, 2),
        ],
        [new(2026, 8, 22)],
        "Thông báo 9441/TB-BNV ngày 16/10/2025");

    public static readonly IReadOnlyList<OfficialSchedule> Known = [Year2025, Year2026];
}
