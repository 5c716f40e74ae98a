namespace CongVu.Infrastructure.Security;

/// <summary>
/// Which units of the organisation tree the current request may read. Set once per request from the
/// signed-in user (see AccessScopeMiddleware); the data context filters every unit-owned row by it.
/// </summary>
public sealed class AccessScope
{
    private int[] _unitIds = [];

    /// <summary>Everything: background work and the command line. Never given to a web user.</summary>
    public bool All { get; private set; }

    public IReadOnlyList<int> UnitIds => _unitIds;

    /// <summary>For the query filter: EF Core sends the array as one parameter.</summary>
    internal int[] UnitIdArray => _unitIds;

    public int? RootUnitId { get; private set; }

    /// <summary>
    /// Names this scope in a cache key: the same root and the same number of units mean the same units for one
    /// tree (a tree change is a write that empties such caches), and a member's empty scope differs from a
    /// secretary's on the same cell.
    /// </summary>
    public string CacheKey => All ? "all" : string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"{RootUnitId}:{_unitIds.Length}");

    /// <summary>Whether the unit is in the scope: a binary search, since a national scope holds 180,000 units.</summary>
    public bool CanSee(int unitId) => All || Array.BinarySearch(_unitIds, unitId) >= 0;

    /// <summary>Limits the scope to the units given; the array is kept as it is when sorted (the tree's scopes are), sorted in a copy otherwise.</summary>
    public void Restrict(int? rootUnitId, int[] unitIds)
    {
        All = false;
        RootUnitId = rootUnitId;
        _unitIds = IsSorted(unitIds) ? unitIds : [.. unitIds.Order()];
    }

    private static bool IsSorted(int[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i - 1] > ids[i])
            {
                return false;
            }
        }

        return true;
    }

    public void GrantAll()
    {
        All = true;
        RootUnitId = null;
        _unitIds = [];
    }

    public static AccessScope System()
    {
        var scope = new AccessScope();
        scope.GrantAll();
        return scope;
    }
}
