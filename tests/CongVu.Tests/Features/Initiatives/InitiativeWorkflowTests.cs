using CongVu.Features.Initiatives;

namespace CongVu.Tests.Features.Initiatives;

public class InitiativeWorkflowTests
{
    [Fact]
    public void Running_ToEvaluated_WithoutScreening_IsRefused()
    {
        Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Running, InitiativeStatus.Evaluated, committee: true, screened: false, screeningPassed: false, "ok"));
        Assert.Null(InitiativeWorkflow.Check(InitiativeStatus.Running, InitiativeStatus.Evaluated, committee: true, screened: true, screeningPassed: true, "ok"));
    }

    [Theory]
    [InlineData(InitiativeStatus.Proposed)]
    [InlineData(InitiativeStatus.Approved)]
    [InlineData(InitiativeStatus.Running)]
    public void Typical_BeforeScreening_IsRefusedEvenForTheCommittee(InitiativeStatus from) =>
        Assert.NotNull(InitiativeWorkflow.Check(from, InitiativeStatus.Typical, committee: true, screened: false, screeningPassed: true, "Quyết định 1"));

    [Fact]
    public void Typical_AfterFailedScreening_IsRefused() =>
        Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Evaluated, InitiativeStatus.Typical, committee: true, screened: false, screeningPassed: false, "Quyết định 1"));

    [Fact]
    public void Typical_ByCellSecretary_IsRefused_ByCommitteeAllowed()
    {
        Assert.Contains("Đảng ủy", InitiativeWorkflow.Check(InitiativeStatus.Evaluated, InitiativeStatus.Typical, committee: false, screened: false, screeningPassed: true, "Quyết định 1"), StringComparison.Ordinal);
        Assert.Null(InitiativeWorkflow.Check(InitiativeStatus.Evaluated, InitiativeStatus.Typical, committee: true, screened: false, screeningPassed: true, "Quyết định 1"));
    }

    [Fact]
    public void Discontinued_IsFinal_UnlessTheCommitteeReopensWithAReason()
    {
        foreach (var to in Enum.GetValues<InitiativeStatus>())
        {
            Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Discontinued, to, committee: false, screened: false, screeningPassed: false, "lý do"));
        }

        Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Discontinued, InitiativeStatus.Running, committee: true, screened: false, screeningPassed: false, "  "));
        Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Discontinued, InitiativeStatus.Approved, committee: true, screened: false, screeningPassed: false, "lý do"));
        Assert.Null(InitiativeWorkflow.Check(InitiativeStatus.Discontinued, InitiativeStatus.Running, committee: true, screened: false, screeningPassed: false, "Chi bộ đã có người phụ trách mới"));
    }

    [Fact]
    public void Discontinuing_WithoutReason_IsRefused() =>
        Assert.Equal("Vui lòng ghi lý do.", InitiativeWorkflow.Check(InitiativeStatus.Running, InitiativeStatus.Discontinued, committee: true, screened: false, screeningPassed: false, null));

    [Fact]
    public void Approving_IsTheCommittees_StartingIsTheCells()
    {
        Assert.NotNull(InitiativeWorkflow.Check(InitiativeStatus.Proposed, InitiativeStatus.Approved, committee: false, screened: false, screeningPassed: false, null));
        Assert.Null(InitiativeWorkflow.Check(InitiativeStatus.Proposed, InitiativeStatus.Approved, committee: true, screened: false, screeningPassed: false, null));
        Assert.Null(InitiativeWorkflow.Check(InitiativeStatus.Approved, InitiativeStatus.Running, committee: false, screened: false, screeningPassed: false, null));
    }

    [Fact]
    public void Screening_ScoresOutOfRange_AreRefused_AndPassNeedsSeventyWithNoZero()
    {
        Assert.NotNull(ScreeningChecklist.Score([20, 31, 20, 15, 15]).Error);
        Assert.NotNull(ScreeningChecklist.Score([20, 30]).Error);
        Assert.Equal((85, (string?)null), ScreeningChecklist.Score([18, 27, 17, 12, 11]));
        Assert.True(ScreeningChecklist.Passes([18, 27, 17, 12, 11]));
        Assert.False(ScreeningChecklist.Passes([20, 30, 20, 15, 0]));
        Assert.False(ScreeningChecklist.Passes([10, 20, 15, 10, 10]));
    }
}
