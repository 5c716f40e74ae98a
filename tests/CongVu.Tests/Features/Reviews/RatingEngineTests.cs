using CongVu.Features.Reviews.Rules;

namespace CongVu.Tests.Features.Reviews;

public class RatingEngineTests
{
    private static RatingInput Perfect(decimal score) => new(RuleSet.Qd366, score, 100m, 100m, 40m, true);

    [Theory]
    [InlineData("100", RatingLevel.Excellent)]
    [InlineData("90", RatingLevel.Excellent)]
    [InlineData("89.99", RatingLevel.Good)]
    [InlineData("70", RatingLevel.Good)]
    [InlineData("69.99", RatingLevel.Completed)]
    [InlineData("50", RatingLevel.Completed)]
    [InlineData("49.99", RatingLevel.NotCompleted)]
    [InlineData("0", RatingLevel.NotCompleted)]
    public void Rate_AllGatesPass_LevelFollowsScoreBand(string score, RatingLevel expected)
    {
        var result = RatingEngine.Rate(Perfect(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, result.Level);
        Assert.Contains("Kết quả", result.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, RatingInput, RatingLevel, string> Gates => new()
    {
        { "XS thiếu đúng hạn → hạ xuống HT (Tốt cũng cần 100% đúng hạn)", new(RuleSet.Qd366, 95m, 100m, 90m, 40m, true), RatingLevel.Completed, "đúng hạn" },
        { "XS vượt yêu cầu dưới 30% → Tốt", new(RuleSet.Qd366, 95m, 100m, 100m, 29.99m, true), RatingLevel.Good, "vượt yêu cầu" },
        { "XS vượt đúng 30% → XS", new(RuleSet.Qd366, 95m, 100m, 100m, 30m, true), RatingLevel.Excellent, "đạt" },
        { "XS chưa khắc phục khuyết điểm kỳ trước → Tốt", new(RuleSet.Qd366, 95m, 100m, 100m, 50m, false), RatingLevel.Good, "khắc phục" },
        { "Tốt thiếu đúng hạn → HT", new(RuleSet.Qd366, 80m, 100m, 85m, 0m, true), RatingLevel.Completed, "đúng hạn" },
        { "HT chậm đúng 20% → HT", new(RuleSet.Qd366, 60m, 100m, 80m, 0m, true), RatingLevel.Completed, "đạt" },
        { "HT chậm trên 20% → KHT", new(RuleSet.Qd366, 60m, 100m, 79m, 0m, true), RatingLevel.NotCompleted, "chậm tiến độ" },
        { "HT chưa hoàn thành 100% → KHT", new(RuleSet.Qd366, 60m, 95m, 95m, 0m, true), RatingLevel.NotCompleted, "hoàn thành 95" },
        { "XS chậm 25% → hạ qua Tốt, qua HT, xuống KHT", new(RuleSet.Qd366, 92m, 100m, 75m, 40m, true), RatingLevel.NotCompleted, "chậm tiến độ" },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void Rate_FailedGate_LowersToHighestPassingLevel(string name, RatingInput input, RatingLevel expected, string explained)
    {
        var result = RatingEngine.Rate(input);
        Assert.True(expected == result.Level, name + Environment.NewLine + result.Explanation);
        Assert.Contains(explained, result.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, RatingInput> Disqualifiers => new()
    {
        { "khiển trách", Perfect(98m) with { DutyDisciplineInPeriod = DisciplineLevel.Reprimand } },
        { "cảnh cáo", Perfect(98m) with { DutyDisciplineInPeriod = DisciplineLevel.Warning } },
        { "suy thoái", Perfect(98m) with { DegradationConcluded = true } },
        { "trên 50%", Perfect(98m) with { DonePercent = 49m, OnTimePercent = 49m } },
    };

    [Theory]
    [MemberData(nameof(Disqualifiers))]
    public void Rate_Disqualifier_ForcesNotCompletedWhateverTheScore(string reason, RatingInput input)
    {
        var result = RatingEngine.Rate(input);
        Assert.Equal(RatingLevel.NotCompleted, result.Level);
        Assert.Contains(reason, result.Explanation, StringComparison.Ordinal);
        Assert.Contains("bất kể số điểm", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_ExactlyHalfNotDone_IsNotADisqualifier()
    {
        var result = RatingEngine.Rate(Perfect(98m) with { DonePercent = 50m, OnTimePercent = 50m });
        Assert.DoesNotContain("bất kể số điểm", result.Explanation, StringComparison.Ordinal);
        Assert.Equal(RatingLevel.NotCompleted, result.Level);
    }

    [Fact]
    public void Rate_DisciplineWithRecordedMitigation_FallsBackToScoreAndGates()
    {
        var result = RatingEngine.Rate(Perfect(85m) with { DutyDisciplineInPeriod = DisciplineLevel.Reprimand, Mitigation = "Tự phát hiện và khắc phục trước khi bị kiểm tra" });
        Assert.Equal(RatingLevel.Good, result.Level);
        Assert.Contains("giảm nhẹ", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RuleSet.Qd124, RatingLevel.Good)]
    [InlineData(RuleSet.Qd132, RatingLevel.Excellent)]
    public void Rate_QualitativeRuleSet_TakesDecidedLevelAndSaysSo(RuleSet ruleSet, RatingLevel decided)
    {
        var result = RatingEngine.Rate(new RatingInput(ruleSet, 0m, 0m, 0m, 0m, false, DecidedLevel: decided));
        Assert.Equal(decided, result.Level);
        Assert.Contains("định tính", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_QualitativeRuleSetWithoutDecidedLevel_Throws() =>
        Assert.Throws<ArgumentException>(() => RatingEngine.Rate(new RatingInput(RuleSet.Qd124, 0m, 0m, 0m, 0m, false)));

    [Theory]
    [InlineData(2, 10, false, true, 2)]
    [InlineData(3, 10, false, false, 2)]
    [InlineData(0, 0, false, true, 0)]
    [InlineData(1, 0, false, false, 0)]
    [InlineData(1, 4, false, false, 0)]
    [InlineData(1, 5, false, true, 1)]
    [InlineData(3, 12, false, false, 2)]
    [InlineData(3, 12, true, true, 3)]
    [InlineData(3, 10, true, false, 2)]
    public void QuotaCheck_CapsExcellentAtShareOfGood(int excellent, int good, bool exception, bool allowed, int maximum)
    {
        var result = QuotaCheck.Check(excellent, good, exception, "Chi bộ thử");
        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(maximum, result.Maximum);
        Assert.Contains("Chi bộ thử", result.Message, StringComparison.Ordinal);
    }
}
