using CongVu.Features.Organisation;
using CongVu.Features.Overview;
using CongVu.Infrastructure.Security;

namespace CongVu.Tests.Features.Organisation;

public class OrgTreeScopeTests
{
    // A small tree with the 2025 merger: old province/commune/cells ended, new ones succeed them.
    private static readonly DateOnly Before = new(2020, 12, 31);
    private static readonly DateOnly End = new(2025, 6, 30);
    private static readonly DateOnly Start = new(2025, 7, 1);

    private static OrgTreeSnapshot Tree() => new(
        [
            new OrgNode(1, null, OrgUnitKind.Province, "tra-vinh", "Tỉnh Trà Vinh", null, new(1992, 1, 1), End, 0),
            new OrgNode(2, 1, OrgUnitKind.Commune, "hieu-trung", "Xã Hiếu Trung", null, new(1980, 1, 1), End, 0),
            new OrgNode(3, 2, OrgUnitKind.Hamlet, "ap-cay-gon", "Ấp Cây Gòn", null, new(1980, 1, 1), End, 0),
            new OrgNode(4, null, OrgUnitKind.ProvincialPartyCommittee, "dbt-tra-vinh", "Đảng bộ tỉnh Trà Vinh", 1, new(1992, 1, 1), End, 0),
            new OrgNode(5, 4, OrgUnitKind.CommunePartyCommittee, "db-hieu-trung", "Đảng bộ xã Hiếu Trung", 2, new(1980, 1, 1), End, 0),
            new OrgNode(6, 5, OrgUnitKind.PartyCell, "cb-cay-gon", "Chi bộ ấp Cây Gòn", 3, new(1980, 1, 1), End, 0),
            new OrgNode(7, 5, OrgUnitKind.PartyCell, "cb-y-te", "Chi bộ Y tế", null, new(1980, 1, 1), End, 1),
            new OrgNode(10, null, OrgUnitKind.Province, "vinh-long", "Tỉnh Vĩnh Long", null, Start, null, 0),
            new OrgNode(11, 10, OrgUnitKind.Commune, "tieu-can", "Xã Tiểu Cần", null, Start, null, 0),
            new OrgNode(12, null, OrgUnitKind.ProvincialPartyCommittee, "dbt-vinh-long", "Đảng bộ tỉnh Vĩnh Long", 10, Start, null, 0),
            new OrgNode(13, 12, OrgUnitKind.CommunePartyCommittee, "db-tieu-can", "Đảng bộ xã Tiểu Cần", 11, Start, null, 0),
            new OrgNode(14, 13, OrgUnitKind.PartyCell, "cb-cay-gon-2", "Chi bộ ấp Cây Gòn", null, Start, null, 0),
            new OrgNode(15, 11, OrgUnitKind.Agency, "ubnd-tieu-can", "UBND xã Tiểu Cần", null, Start, null, 0),
            new OrgNode(20, 12, OrgUnitKind.CommunePartyCommittee, "db-other", "Đảng bộ xã Khác", null, Start, null, 1),
            new OrgNode(21, 20, OrgUnitKind.PartyCell, "cb-other", "Chi bộ Khác", null, Start, null, 0),
        ],
        [(1, 10), (2, 11), (5, 13), (6, 14), (4, 12)]);

    [Fact]
    public void CommuneCommittee_SeesItsCells_ItsCommune_AndThePredecessorsHistory()
    {
        var scope = Tree().Scope(13);
        Assert.Equal([2, 3, 5, 6, 7, 11, 13, 14, 15], scope);
    }

    [Fact]
    public void Cell_SeesOnlyItselfAndTheCellItSucceeded()
    {
        Assert.Equal([6, 14], Tree().Scope(14));
    }

    [Fact]
    public void Cell_DoesNotSeeItsSiblings()
    {
        Assert.DoesNotContain(7, Tree().Scope(6));
    }

    [Fact]
    public void ProvinceCommittee_SeesEveryCommuneUnderIt_AndNotOtherTrees()
    {
        var scope = Tree().Scope(12);
        Assert.Contains(21, scope);
        Assert.Contains(6, scope);
        Assert.Contains(15, scope);
        Assert.DoesNotContain(99, scope);
    }

    [Fact]
    public void OldCommune_DoesNotSeeItsSuccessor()
    {
        // Succession runs one way: the new commune inherits the old records, not the reverse.
        var scope = Tree().Scope(5);
        Assert.DoesNotContain(13, scope);
        Assert.DoesNotContain(14, scope);
    }

    [Fact]
    public void UnknownUnit_SeesNothing() => Assert.Empty(Tree().Scope(404));

    [Fact]
    public void CellsOn_CountsOnlyCellsAliveThatDay()
    {
        var tree = Tree();
        Assert.Equal([6, 7], RegistryQueries.CellsOn(tree, 5, Before));
        Assert.Empty(RegistryQueries.CellsOn(tree, 5, Start));
        Assert.Equal([14], RegistryQueries.CellsOn(tree, 13, Start));
    }

    [Fact]
    public void CommuneOf_FindsTheCommuneFromACellThroughItsCommittee()
    {
        Assert.Equal("hieu-trung", Tree().CommuneOf(6)?.Code);
        Assert.Equal("tieu-can", Tree().CommuneOf(15)?.Code);
    }

    [Fact]
    public void Scope_IsWalkedOncePerRootAndSnapshot_AndStaysSorted()
    {
        var tree = Tree();
        var first = tree.Scope(12);

        Assert.Same(first, tree.Scope(12));
        Assert.Equal(first.Order(), first);
        Assert.NotSame(first, Tree().Scope(12));
    }

    [Fact]
    public void AccessScope_SeesExactlyItsUnits_WhetherGivenSortedOrNot()
    {
        var scope = new AccessScope();
        scope.Restrict(13, [15, 2, 14, 11, 3]);

        foreach (var id in Enumerable.Range(0, 100))
        {
            Assert.Equal(id is 2 or 3 or 11 or 14 or 15, scope.CanSee(id));
        }

        Assert.Equal([2, 3, 11, 14, 15], scope.UnitIds);
    }

    [Fact]
    public void OverviewCommunes_InScope_AreTheCommunesAmongTheScopesUnits()
    {
        var tree = Tree();
        var province = new AccessScope();
        province.Restrict(12, tree.Scope(12));
        var cell = new AccessScope();
        cell.Restrict(14, tree.Scope(14));

        Assert.Equal(["hieu-trung", "tieu-can"], OverviewCommunes.InScope(tree, province).Select(c => c.Code).Order());
        Assert.Empty(OverviewCommunes.InScope(tree, cell));
        Assert.Equal(2, OverviewCommunes.InScope(tree, AccessScope.System()).Count());
    }
}
