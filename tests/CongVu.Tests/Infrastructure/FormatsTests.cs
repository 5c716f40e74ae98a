using CongVu.Infrastructure.Web;

namespace CongVu.Tests.Infrastructure;

public class FormatsTests
{
    [Theory]
    [InlineData("05/02/1970", 1970, 2, 5)]
    [InlineData("5/2/1970", 1970, 2, 5)]
    [InlineData("1970-02-05", 1970, 2, 5)]
    [InlineData(" 31/12/2020 ", 2020, 12, 31)]
    public void TryParseDate_ReadsDatesAsClerksTypeThem(string text, int y, int m, int d)
    {
        Assert.True(Formats.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2020")]
    [InlineData("2020/31/12")]
    [InlineData("12/31/2020")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("hôm qua")]
    public void TryParseDate_RefusesWhatIsNotADate(string? text) => Assert.False(Formats.TryParseDate(text, out _));

    [Fact]
    public void Date_IsDayMonthYear() => Assert.Equal("05/02/2026", Formats.Date(new DateOnly(2026, 2, 5)));

    [Fact]
    public void Number_UsesVietnameseGroupSeparator() => Assert.Equal("2.539.965", Formats.Number(2539965));

    [Fact]
    public void Date_OfAnInstant_IsInVietnamTime() =>
        Assert.Equal("01/01/2026 06:30", Formats.Date(new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
}
