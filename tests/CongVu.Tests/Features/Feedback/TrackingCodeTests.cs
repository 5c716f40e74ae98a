using CongVu.Features.Feedback;

namespace CongVu.Tests.Features.Feedback;

public class TrackingCodeTests
{
    [Fact]
    public void New_IsTenCharactersFromTheUnambiguousAlphabet()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => TrackingCode.New()).ToList();
        Assert.All(codes, c =>
        {
            Assert.Equal(TrackingCode.Length, c.Length);
            Assert.All(c, ch => Assert.Contains(ch, TrackingCode.Alphabet));
            Assert.DoesNotContain('0', c);
            Assert.DoesNotContain('O', c);
            Assert.DoesNotContain('1', c);
            Assert.DoesNotContain('I', c);
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("7kq2m-9xa4t", "7KQ2M9XA4T")]
    [InlineData(" 7KQ2 M9XA 4T ", "7KQ2M9XA4T")]
    public void Normalize_AcceptsLowerCaseSpacesAndDashes(string input, string expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("7KQ2M9XA4")]
    [InlineData("7KQ2M9XA4TT")]
    [InlineData("7KQ2M9XA40")]
    [InlineData("<script>a")]
    public void Normalize_RefusesWhatCannotBeACode(string input) =>
        Assert.Null(TrackingCode.Normalize(input));
}
