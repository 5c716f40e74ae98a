using CongVu.Features.Organisation;

namespace CongVu.Tests.Features.Organisation;

public class MembershipLedgerTests
{
    private static readonly DateTime At = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static PartyMembership NewMember(DateOnly admitted, MemberClass cls = MemberClass.Official) =>
        MembershipLedger.Admit(new Person { FullName = "Lê Văn A" }, 6, "123456", admitted, cls, cls == MemberClass.Official ? admitted : null,
            MemberStatus.Active, admitted, null, MembershipChange.Admitted, At, "test");

    [Fact]
    public void Exempt_ClosesThePeriodTheDayBefore_AndOpensAnExemptOne()
    {
        var m = NewMember(new(2000, 3, 2));
        var error = MembershipLedger.Apply(m, MembershipChange.Exempted, new(2020, 5, 1), null, "Tuổi cao, sức yếu", At, "test");
        Assert.Null(error);
        Assert.Equal(MemberStatus.ExemptFromActivities, m.Status);
        Assert.Equal(2, m.Periods.Count);
        Assert.Equal(new DateOnly(2020, 4, 30), m.Periods[0].To);
        Assert.Equal(new DateOnly(2020, 5, 1), m.Periods[1].From);
        Assert.Null(m.Periods[1].To);
    }

    [Theory]
    [InlineData(MembershipChange.Exempted)]
    [InlineData(MembershipChange.Suspended)]
    [InlineData(MembershipChange.TransferredOut)]
    [InlineData(MembershipChange.Expelled)]
    public void ChangesThatNeedAReason_AreRefusedWithout(MembershipChange change)
    {
        var m = NewMember(new(2000, 3, 2));
        Assert.Equal("Cần ghi lý do cho thay đổi này.", MembershipLedger.Apply(m, change, new(2020, 5, 1), null, " ", At, "test"));
        Assert.Single(m.Periods);
    }

    [Fact]
    public void Change_OnOrBeforeTheLastChange_IsRefused()
    {
        var m = NewMember(new(2000, 3, 2));
        var error = MembershipLedger.Apply(m, MembershipChange.Deceased, new(2000, 3, 2), null, null, At, "test");
        Assert.NotNull(error);
        Assert.Equal(MemberStatus.Active, m.Status);
    }

    [Fact]
    public void MoveCell_NeedsADifferentCell()
    {
        var m = NewMember(new(2000, 3, 2));
        Assert.NotNull(MembershipLedger.Apply(m, MembershipChange.MovedCell, new(2010, 1, 1), 6, null, At, "test"));
        Assert.Null(MembershipLedger.Apply(m, MembershipChange.MovedCell, new(2010, 1, 1), 7, null, At, "test"));
        Assert.Equal(7, m.OrgUnitId);
        Assert.Equal(7, m.Periods[^1].OrgUnitId);
        Assert.Equal(6, m.Periods[0].OrgUnitId);
    }

    [Fact]
    public void Deceased_IsFinal()
    {
        var m = NewMember(new(2000, 3, 2));
        Assert.Null(MembershipLedger.Apply(m, MembershipChange.Deceased, new(2021, 1, 1), null, null, At, "test"));
        Assert.False(PartyMembership.IsOnRoll(m.Status));
        Assert.NotNull(MembershipLedger.Apply(m, MembershipChange.Reinstated, new(2022, 1, 1), null, null, At, "test"));
    }

    [Fact]
    public void MadeOfficial_OnlyFromProbationary_AndSetsTheDate()
    {
        var m = NewMember(new(2024, 3, 2), MemberClass.Probationary);
        Assert.Null(MembershipLedger.Apply(m, MembershipChange.MadeOfficial, new(2025, 3, 2), null, null, At, "test"));
        Assert.Equal(MemberClass.Official, m.Class);
        Assert.Equal(new DateOnly(2025, 3, 2), m.OfficialOn);
        Assert.NotNull(MembershipLedger.Apply(m, MembershipChange.MadeOfficial, new(2025, 6, 2), null, null, At, "test"));
    }

    [Fact]
    public void Exempt_IsOnlyForActiveMembers()
    {
        var m = NewMember(new(2000, 3, 2));
        Assert.Null(MembershipLedger.Apply(m, MembershipChange.Exempted, new(2020, 1, 1), null, "Ốm đau", At, "test"));
        Assert.NotNull(MembershipLedger.Apply(m, MembershipChange.Exempted, new(2021, 1, 1), null, "Ốm đau", At, "test"));
        Assert.Null(MembershipLedger.Apply(m, MembershipChange.Reinstated, new(2022, 1, 1), null, null, At, "test"));
        Assert.Equal(MemberStatus.Active, m.Status);
    }
}
