using System.Collections.Concurrent;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation;

public sealed record OrgNode(
    int Id,
    int? ParentId,
    OrgUnitKind Kind,
    string Code,
    string Name,
    int? AdminUnitId,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    int SortOrder)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    public bool IsCommittee => Kind is OrgUnitKind.ProvincialPartyCommittee or OrgUnitKind.DistrictPartyCommittee or OrgUnitKind.CommunePartyCommittee;
}

/// <summary>
/// The organisation tree held in memory: subtrees, ancestors and successions without a query each time.
/// Pure: built from rows, no I/O, so scoping rules are tested directly.
/// </summary>
public sealed class OrgTreeSnapshot
{
    private readonly Dictionary<int, OrgNode> _byId;
    private readonly Dictionary<string, OrgNode> _byCode;
    private readonly ILookup<int, OrgNode> _children;
    private readonly ILookup<int, int> _predecessors;
    private readonly ILookup<int, int> _successors;
    private readonly ILookup<int, OrgNode> _committeesByAdminUnit;
    private readonly ConcurrentDictionary<int, int[]> _scopes = new();

    public OrgTreeSnapshot(IEnumerable<OrgNode> nodes, IEnumerable<(int PredecessorId, int SuccessorId)> successions)
    {
        var list = nodes.ToList();
        _byId = list.ToDictionary(n => n.Id);
        _byCode = list.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        _children = list.Where(n => n.ParentId is not null).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToLookup(n => n.ParentId!.Value);
        var succ = successions.ToList();
        _predecessors = succ.ToLookup(s => s.SuccessorId, s => s.PredecessorId);
        _successors = succ.ToLookup(s => s.PredecessorId, s => s.SuccessorId);
        _committeesByAdminUnit = list.Where(n => n.IsCommittee && n.AdminUnitId is not null).ToLookup(n => n.AdminUnitId!.Value);
    }

    private IReadOnlyList<OrgNode>? _communes;

    public int Count => _byId.Count;

    /// <summary>Every commune in the tree, past ones included, by name ignoring accents; listed once per snapshot (a national tree has 180,000 nodes).</summary>
    public IReadOnlyList<OrgNode> Communes => _communes ??= _byId.Values.Where(n => n.Kind == OrgUnitKind.Commune)
        .OrderBy(n => VietnameseText.Fold(n.Name), StringComparer.Ordinal).ThenBy(n => n.Id).ToList();

    public OrgNode? Find(int id) => _byId.GetValueOrDefault(id);

    public OrgNode? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The nodes of the given ids (a user's scope, typically), skipping ids the tree does not know.</summary>
    public IEnumerable<OrgNode> Nodes(IEnumerable<int> ids) => ids.Select(Find).OfType<OrgNode>();

    public IEnumerable<OrgNode> Children(int id) => _children[id];

    public IEnumerable<OrgNode> Roots() => _byId.Values.Where(n => n.ParentId is null).OrderBy(n => n.SortOrder).ThenBy(n => n.Id);

    public IEnumerable<OrgNode> Predecessors(int id) => _predecessors[id].Select(i => _byId[i]);

    public IEnumerable<OrgNode> Successors(int id) => _successors[id].Select(i => _byId[i]);

    /// <summary>From the unit up to its root, the unit first.</summary>
    public IEnumerable<OrgNode> AncestorsAndSelf(int id)
    {
        for (var node = Find(id); node is not null; node = node.ParentId is int p ? Find(p) : null)
        {
            yield return node;
        }
    }

    /// <summary>
    /// Every unit a user rooted at <paramref name="rootId"/> may read: its descendants, the units its
    /// predecessors had (so a merged commune keeps its history), and for a party committee the
    /// administrative unit it leads (agencies and hamlets) — and the other way round. Sorted ascending;
    /// computed once per root and snapshot (a national overseer's scope walks 180,000 nodes) and shared
    /// by every caller, so callers must not change the array.
    /// </summary>
    public int[] Scope(int rootId) => _scopes.GetOrAdd(rootId, ComputeScope);

    private int[] ComputeScope(int rootId)
    {
        if (!_byId.ContainsKey(rootId))
        {
            return [];
        }

        var seen = new HashSet<int> { rootId };
        var queue = new Queue<int>();
        queue.Enqueue(rootId);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            var node = _byId[id];
            foreach (var child in _children[id])
            {
                Visit(child.Id);
            }

            foreach (var pred in _predecessors[id])
            {
                Visit(pred);
            }

            if (node.IsCommittee && node.AdminUnitId is int admin)
            {
                Visit(admin);
            }

            foreach (var committee in _committeesByAdminUnit[id])
            {
                Visit(committee.Id);
            }
        }

        var result = seen.ToArray();
        Array.Sort(result);
        return result;

        void Visit(int id)
        {
            if (seen.Add(id))
            {
                queue.Enqueue(id);
            }
        }
    }

    /// <summary>The commune-level administrative unit a unit belongs to (itself, an ancestor, or the commune its committee leads).</summary>
    public OrgNode? CommuneOf(int id)
    {
        foreach (var node in AncestorsAndSelf(id))
        {
            if (node.Kind == OrgUnitKind.Commune)
            {
                return node;
            }

            if (node.Kind == OrgUnitKind.CommunePartyCommittee && node.AdminUnitId is int admin)
            {
                return Find(admin);
            }
        }

        return null;
    }

    /// <summary>The party committee that leads a commune, valid on the given day.</summary>
    public OrgNode? CommitteeOf(int communeId) =>
        _committeesByAdminUnit[communeId].FirstOrDefault(c => c.Kind == OrgUnitKind.CommunePartyCommittee);

    /// <summary>A unit's name as a path for display: "Chi bộ ấp Cây Gòn › Đảng bộ xã Hiếu Trung".</summary>
    public string Trail(int id, int depth = 3) =>
        string.Join(" › ", AncestorsAndSelf(id).Take(depth).Select(n => n.Name));
}

/// <summary>Holds the current snapshot of the tree; reloaded after any change to units.</summary>
public sealed class OrgTree(IServiceScopeFactory scopes) : IDisposable
{
    private OrgTreeSnapshot? _snapshot;
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    public async ValueTask<OrgTreeSnapshot> GetAsync(CancellationToken ct = default)
    {
        var snap = Volatile.Read(ref _snapshot);
        if (snap is not null)
        {
            return snap;
        }

        await _loadGate.WaitAsync(ct);
        try
        {
            snap = Volatile.Read(ref _snapshot);
            if (snap is not null)
            {
                return snap;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var nodes = await db.OrgUnits.AsNoTracking()
                .Select(u => new OrgNode(u.Id, u.ParentId, u.Kind, u.Code, u.Name, u.AdminUnitId, u.ValidFrom, u.ValidTo, u.SortOrder))
                .ToListAsync(ct);
            var successions = await db.OrgUnitSuccessions.AsNoTracking()
                .Select(s => new { s.PredecessorId, s.SuccessorId })
                .ToListAsync(ct);
            snap = new OrgTreeSnapshot(nodes, successions.Select(s => (s.PredecessorId, s.SuccessorId)));
            Volatile.Write(ref _snapshot, snap);
            return snap;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    public void Dispose() => _loadGate.Dispose();
}
