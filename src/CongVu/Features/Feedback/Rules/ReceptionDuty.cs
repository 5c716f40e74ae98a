namespace CongVu.Features.Feedback.Rules;

/// <summary>One period of a reception duty: days required, days held, and whether the period is over and short.</summary>
public sealed record DutyPeriod(DateOnly From, DateOnly To, int Required, int Held, bool Finished)
{
    public bool Missed => Finished && Held < Required;
}

/// <summary>
/// Reception duties of a commune's leaders: the People's Committee chair receives citizens at least one day a week
/// (Luật Tiếp công dân 2013, Điều 15 khoản 3), the commune Party secretary at least two days a month (Quy định 11-QĐi/TW 2019, Điều 4).
/// A week without a working day (Tết) requires nothing; a month requires no more days than it has working days. Pure.
/// </summary>
public static class ReceptionDuty
{
    public const int ChairDaysPerWeek = 1;
    public const int SecretaryDaysPerMonth = 2;

    /// <summary>The Monday-to-Sunday weeks overlapping [from, to]; a week counts as finished once its Sunday is before today.</summary>
    public static IReadOnlyList<DutyPeriod> ChairWeeks(IEnumerable<DateOnly> daysHeld, DateOnly from, DateOnly to, DateOnly today, WorkingDayCalendar calendar)
    {
        var held = daysHeld.ToHashSet();
        var list = new List<DutyPeriod>();
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (; monday <= to; monday = monday.AddDays(7))
        {
            var sunday = monday.AddDays(6);
            var workingDays = Days(monday, sunday).Count(calendar.IsWorkingDay);
            list.Add(new DutyPeriod(monday, sunday, Math.Min(ChairDaysPerWeek, workingDays), Days(monday, sunday).Count(held.Contains), sunday < today));
        }

        return list;
    }

    /// <summary>The calendar months overlapping [from, to]; a month counts as finished once its last day is before today.</summary>
    public static IReadOnlyList<DutyPeriod> SecretaryMonths(IEnumerable<DateOnly> daysHeld, DateOnly from, DateOnly to, DateOnly today, WorkingDayCalendar calendar)
    {
        var held = daysHeld.ToHashSet();
        var list = new List<DutyPeriod>();
        for (var first = new DateOnly(from.Year, from.Month, 1); first <= to; first = first.AddMonths(1))
        {
            var last = first.AddMonths(1).AddDays(-1);
            var workingDays = Days(first, last).Count(calendar.IsWorkingDay);
            list.Add(new DutyPeriod(first, last, Math.Min(SecretaryDaysPerMonth, workingDays), Days(first, last).Count(held.Contains), last < today));
        }

        return list;
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
