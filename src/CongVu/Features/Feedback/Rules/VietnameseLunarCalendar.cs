namespace CongVu.Features.Feedback.Rules;

/// <summary>A day of the Vietnamese lunisolar calendar.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);

/// <summary>
/// The Vietnamese lunisolar calendar computed astronomically for UTC+7 (Vietnam's civil time since 1968),
/// which is why some years differ from the Chinese calendar computed for UTC+8 (e.g. Tết 1985, 2007).
/// New moons use Meeus' series; month 11 always holds the winter solstice; in a 13-month year the first
/// month without a major solar term is the leap month.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const double VietnamOffsetHours = 7.0;

    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695;
    private const double Deg = Math.PI / 180;

    /// <summary>The solar date of a lunar date; for a leap month pass isLeapMonth = true.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool isLeapMonth = false, double offsetHours = VietnamOffsetHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = Month11(lunarYear - 1, offsetHours);
            b11 = Month11(lunarYear, offsetHours);
        }
        else
        {
            a11 = Month11(lunarYear, offsetHours);
            b11 = Month11(lunarYear + 1, offsetHours);
        }

        var k = (int)Math.Floor(0.5 + ((a11 - NewMoonEpoch) / SynodicMonth));
        var off = lunarMonth - 11;
        if (off < 0)
        {
            off += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOff = LeapMonthOffset(a11, offsetHours);
            var leapMonth = leapOff - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (isLeapMonth && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng {lunarMonth} nhuận.", nameof(isLeapMonth));
            }

            if (isLeapMonth || off >= leapOff)
            {
                off++;
            }
        }
        else if (isLeapMonth)
        {
            throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng nhuận.", nameof(isLeapMonth));
        }

        var monthStart = NewMoonDay(k + off, offsetHours);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    public static LunarDate FromSolar(DateOnly date, double offsetHours = VietnamOffsetHours)
    {
        var dayNumber = JulianDay(date);
        var k = (int)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1, offsetHours);
        if (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(k, offsetHours);
        }

        var a11 = Month11(date.Year, offsetHours);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = Month11(date.Year - 1, offsetHours);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = Month11(date.Year + 1, offsetHours);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = (monthStart - a11) / 29;
        var leap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapDiff = LeapMonthOffset(a11, offsetHours);
            if (diff >= leapDiff)
            {
                lunarMonth = diff + 10;
                leap = diff == leapDiff;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /// <summary>Mùng 1 Tết of the lunar year that starts in the given solar year.</summary>
    public static DateOnly NewYear(int year, double offsetHours = VietnamOffsetHours) => ToSolar(year, 1, 1, false, offsetHours);

    private static int JulianDay(DateOnly d) => d.DayNumber + 1721426;

    private static DateOnly FromJulianDay(int jd) => DateOnly.FromDayNumber(jd - 1721426);

    /// <summary>Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, Astronomical Formulae for Calculators).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * Deg);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * Deg))
            + (0.0021 * Math.Sin(2 * m * Deg))
            - (0.4068 * Math.Sin(mpr * Deg))
            + (0.0161 * Math.Sin(2 * mpr * Deg))
            - (0.0004 * Math.Sin(3 * mpr * Deg))
            + (0.0104 * Math.Sin(2 * f * Deg))
            - (0.0051 * Math.Sin((m + mpr) * Deg))
            - (0.0074 * Math.Sin((m - mpr) * Deg))
            + (0.0004 * Math.Sin(((2 * f) + m) * Deg))
            - (0.0004 * Math.Sin(((2 * f) - m) * Deg))
            - (0.0006 * Math.Sin(((2 * f) + mpr) * Deg))
            + (0.0010 * Math.Sin(((2 * f) - mpr) * Deg))
            + (0.0005 * Math.Sin((m + (2 * mpr)) * Deg));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The local civil day on which the k-th new moon falls.</summary>
    private static int NewMoonDay(int k, double offsetHours) => (int)Math.Floor(NewMoon(k) + 0.5 + (offsetHours / 24));

    /// <summary>Sun's apparent longitude in radians at a Julian day (low-precision series).</summary>
    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(Deg * m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(Deg * 2 * m))
            + (0.000290 * Math.Sin(Deg * 3 * m));
        var l = (l0 + dl) * Deg;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return l;
    }

    /// <summary>Which of the 12 major solar terms (0..11) the sun is in at the start of a local day.</summary>
    private static int SolarTermAt(int dayNumber, double offsetHours) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (offsetHours / 24)) / Math.PI * 6);

    /// <summary>Start of lunar month 11 (the month containing the winter solstice) in a solar year.</summary>
    private static int Month11(int year, double offsetHours)
    {
        var off = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var nm = NewMoonDay(k, offsetHours);
        return SolarTermAt(nm, offsetHours) >= 9 ? NewMoonDay(k - 1, offsetHours) : nm;
    }

    /// <summary>Offset from month 11 of the first month with no major solar term: the leap month.</summary>
    private static int LeapMonthOffset(int a11, double offsetHours)
    {
        var k = (int)Math.Floor(((a11 - NewMoonEpoch) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SolarTermAt(NewMoonDay(k + i, offsetHours), offsetHours);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SolarTermAt(NewMoonDay(k + i, offsetHours), offsetHours);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
