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

    public bool CanSee(int unitId) => All || Array.IndexOf(_unitIds, unitId) >= 0;

    public void Restrict(int? rootUnitId, int[] unitIds)
    {
        All = false;
        RootUnitId = rootUnitId;
        _unitIds = unitIds;
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
